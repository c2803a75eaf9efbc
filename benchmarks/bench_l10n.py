"""What the localisation home costs: reading the catalogues, the first date, the first explanation.

Each row runs in a fresh interpreter (``python -c``), interleaved round by round; the
``import litigate`` row is subtracted from the rows that import litigate, so each shows the
cost of the first use alone.  The last rows compare litigate's stdlib PO reader with babel's
``read_po`` on the three shipped catalogues (the alternative docs/localisation.md weighs).

    python benchmarks/bench_l10n.py            # 15 rounds
    python benchmarks/bench_l10n.py --quick    # 3 rounds
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

_CASE = (
    "import datetime as d; w = litigate.filing_window(litigate.Case(forum='ecthr', "
    "respondent='AZE', complaints=[litigate.Complaint(provision='ECHR-5-1')], "
    "proceedings=[litigate.DomesticDecision(court='C', level='appeal', "
    "taken_on=d.date(2025, 3, 4))]), as_of=d.date(2025, 4, 1)); "
)
_PATHS = "[l10n.catalogue_path(x) for x in ('en', 'fr', 'ru')]"
ROWS = {
    "import litigate": "import litigate",
    "first court_date (en)": "import litigate, datetime; from litigate import l10n; "
    "l10n.court_date(datetime.date(2025, 11, 18), 'en')",
    "first court_date (fr, ru)": "import litigate, datetime; from litigate import l10n; "
    "l10n.court_date(datetime.date(2025, 11, 1), 'fr'); "
    "l10n.court_date(datetime.date(2025, 11, 1), 'ru')",
    "filing_window + explain (en)": f"import litigate; {_CASE}w.explain('en')",
    "filing_window + explain (en, fr, ru)": f"import litigate; {_CASE}"
    "w.explain('en'); w.explain('fr'); w.explain('ru')",
    "filing_window alone": f"import litigate; {_CASE}",
    "3 catalogues, stdlib reader": "import litigate; from litigate import l10n; "
    f"[l10n.read_catalogue(p.read_text('utf-8')) for p in {_PATHS}]",
    "3 catalogues, babel read_po": "import litigate; from litigate import l10n; "
    "from babel.messages.pofile import read_po; "
    f"[read_po(p.open('rb')) for p in {_PATHS}]",
}


def _once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 rounds instead of 15")
    args = parser.parse_args()
    rounds = 3 if args.quick else 15
    times: dict[str, list[float]] = {name: [] for name in ROWS}
    for index in range(rounds):
        order = list(ROWS.items())
        if index % 2:
            order.reverse()
        for name, code in order:
            times[name].append(_once(code))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["import litigate"]
    window = medians["filing_window alone"]
    print(f"{rounds} interleaved rounds, fresh interpreter each, medians")
    for name, value in medians.items():
        if name == "import litigate":
            print(f"{name:40s} {value * 1000:7.1f} ms (interpreter start included)")
            continue
        ref = window if name.startswith("filing_window +") else base
        print(
            f"{name:40s} {(value - ref) * 1000:+7.1f} ms beyond {'filing_window' if ref is window else 'import litigate'}"
        )


if __name__ == "__main__":
    main()
