"""What the localisation home costs: reading the catalogues, the first date, the first explanation.

Each round starts a fresh interpreter that imports litigate and then times, inside itself,
each first use (so that the interpreter's start and the machine's load between processes
stay out of the figures); the medians over the rounds are printed, with the same catalogues
read by babel's ``read_po`` for comparison (the alternative docs/localisation.md weighs).

    python benchmarks/bench_l10n.py            # 15 rounds
    python benchmarks/bench_l10n.py --quick    # 3 rounds
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

_PROBE = r"""
import json, sys, time, datetime as d
t = time.perf_counter(); import litigate; from litigate import l10n; out = {"import litigate": time.perf_counter() - t}
def timed(name, f):
    t = time.perf_counter(); f(); out[name] = time.perf_counter() - t
timed("first court_date, en", lambda: l10n.court_date(d.date(2025, 11, 18), "en"))
timed("then fr and ru", lambda: (l10n.court_date(d.date(2025, 11, 1), "fr"), l10n.court_date(d.date(2025, 11, 1), "ru")))
out["babel imported so far"] = float("babel" in sys.modules)
case = litigate.Case(forum="ecthr", respondent="AZE", complaints=[litigate.Complaint(provision="ECHR-5-1")],
    proceedings=[litigate.DomesticDecision(court="C", level="appeal", taken_on=d.date(2025, 3, 4))])
w = litigate.filing_window(case, as_of=d.date(2025, 4, 1))
timed("explain, en (catalogue read)", lambda: w.explain("en"))
timed("explain, en (again)", lambda: w.explain("en"))
timed("explain, ru", lambda: w.explain("ru"))
paths = [l10n.catalogue_path(x) for x in ("en", "fr", "ru")]
timed("3 catalogues, stdlib reader", lambda: [l10n.read_catalogue(p.read_text("utf-8")) for p in paths])
def babel():
    from babel.messages.pofile import read_po
    for p in paths:
        with p.open("rb") as h:
            read_po(h)
timed("3 catalogues, babel read_po (import included)", babel)
timed("3 catalogues, babel read_po (imported)", babel)
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 rounds instead of 15")
    args = parser.parse_args()
    rounds = 3 if args.quick else 15
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", _PROBE], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(rounds)
    ]
    print(f"{rounds} fresh interpreters, times measured inside each, medians")
    for name in runs[0]:
        value = statistics.median(run[name] for run in runs)
        if name == "babel imported so far":
            print(f"{name:48s} {'yes' if value else 'no'}")
        else:
            print(f"{name:48s} {value * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
