"""Filing windows for many complaints, against a bare ``relativedelta(months=4)`` loop.

Run: ``python benchmarks/bench_windows.py [--n 100000]``.  Reports the cost per
complaint of ``litigate.filing_window`` (one case holding N complaints, each
exhausted by its own decision, so every complaint gets its own window, with its
steps, sources, warnings and scenarios) as a ratio to two dateutil baselines
measured in the same run:

* the bare loop ``[d + relativedelta(months=4) for d in dates]`` (the goal of
  issue 3: at most 10x);
* the stricter ``[d + four for d in dates]`` with ``four`` built once.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

import litigate


def make_case(n: int, seed: int = 7) -> litigate.Case:
    rng = random.Random(seed)
    decisions = []
    complaints = []
    provisions = ["ECHR-3", "ECHR-5-1", "ECHR-5-3", "ECHR-6-1", "ECHR-8", "ECHR-10", "ECHR-11"]
    for i in range(n):
        taken = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 2500))
        decisions.append(
            litigate.DomesticDecision(
                id=f"d{i}",
                court="Baku Court of Appeal",
                level="appeal",
                taken_on=taken,
                served_on=taken + timedelta(days=rng.randrange(0, 30)),
                service_required=rng.random() < 0.5,
            )
        )
        complaints.append(
            litigate.Complaint(provision=rng.choice(provisions), exhausted_by=[f"d{i}"])
        )
    return litigate.Case(
        forum="ecthr", respondent="AZE", complaints=complaints, proceedings=decisions
    )


def best_of(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    case = make_case(args.n)
    dates = [d.served_on for d in case.proceedings]
    four = relativedelta(months=4)
    as_of = date(2026, 11, 23)

    bare = best_of(lambda: [d + relativedelta(months=4) for d in dates])  # type: ignore[operator]
    baseline = best_of(lambda: [d + four for d in dates])  # type: ignore[operator]
    ours = best_of(lambda: litigate.filing_window(case, as_of=as_of))
    window = litigate.filing_window(case, as_of=as_of)
    assert len(window.complaints) == args.n
    per_bare = bare / args.n * 1e6
    per_base = baseline / args.n * 1e6
    per_ours = ours / args.n * 1e6
    print(f"complaints: {args.n}")
    print(f"d + relativedelta(months=4) loop:   {per_bare:.2f} us per complaint")
    print(f"d + four (precomputed) loop:        {per_base:.2f} us per complaint")
    print(f"litigate.filing_window:             {per_ours:.2f} us per complaint")
    print(f"ratio to the bare loop:             {per_ours / per_bare:.1f}x (goal: at most 10x)")
    print(f"ratio to the precomputed loop:      {per_ours / per_base:.1f}x")


if __name__ == "__main__":
    main()
