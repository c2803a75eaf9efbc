"""How heavy ``import litigate`` is, against the dependencies it cannot do without.

Each import runs in a fresh interpreter (``python -c``), interleaved round by round so that
the machine's drift touches every row alike; the interpreter's own start (``python -c
pass``) is subtracted from each median.  The goal (issue 17): ``import litigate`` costs at
most 1.0x ``import attrs, cattrs, babel.dates``.

    python benchmarks/bench_import.py            # 21 rounds
    python benchmarks/bench_import.py --quick    # 5 rounds (CI smoke run)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

ROWS = {
    "python -c pass": "pass",
    "import attrs": "import attrs",
    "import attrs, cattrs, babel.dates": "import attrs, cattrs, babel.dates",
    "import litigate": "import litigate",
    "litigate.filing_window (first use)": (
        "import litigate, datetime; litigate.filing_window(litigate.Case(forum='ecthr', "
        "respondent='AZE', complaints=[litigate.Complaint(provision='ECHR-5-3')], "
        "proceedings=[litigate.DomesticDecision(court='C', level='appeal', "
        "taken_on=datetime.date(2025, 6, 18))]), as_of=datetime.date(2025, 9, 1))"
    ),
}


def _once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 rounds instead of 21")
    args = parser.parse_args()
    rounds = 5 if args.quick else 21
    times: dict[str, list[float]] = {name: [] for name in ROWS}
    for index in range(rounds):
        order = list(ROWS.items())
        if index % 2:
            order.reverse()
        for name, code in order:
            times[name].append(_once(code))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["python -c pass"]
    reference = medians["import attrs, cattrs, babel.dates"] - base
    print(f"{rounds} interleaved rounds, fresh interpreter each, median minus interpreter start")
    for name, value in medians.items():
        net = value - base
        print(
            f"{name:40s} {net * 1000:7.1f} ms   {net / reference:5.2f}x attrs+cattrs+babel.dates"
        )
    ratio = (medians["import litigate"] - base) / reference
    print(f"import litigate / (import attrs, cattrs, babel.dates): {ratio:.2f} (goal <= 1.00)")


if __name__ == "__main__":
    main()
