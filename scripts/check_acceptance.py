"""Check the acceptance data for internal consistency; exit 1 and list the problems.

Usage: python scripts/check_acceptance.py [--unverified]

With ``--unverified``, also list every row not verified from a primary source read on a
recorded day (recollection, secondary only, low confidence, ``[unconfirmed]``), with how
litigate flags it: the list a data change's closing note gives.

Loading the data already checks the schema and that every cited source exists;
this script adds the treaty arithmetic (entry into force = deposit + the
instrument's period, or the instrument's own entry into force if later), the
order of the dates and the denunciation periods.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from litigate.errors import RuleDataError
from litigate.rules import load_rules
from litigate.rules.consistency import acceptance_problems, unverified_rows


def main(argv: list[str] | None = None) -> int:
    """Run the checks and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unverified", action="store_true", help="list the unverified rows")
    args = parser.parse_args(argv)
    try:
        data = load_rules().acceptances
    except RuleDataError as exc:
        print(exc)
        return 1
    problems = acceptance_problems(data)
    for line in problems:
        print(line)
    if args.unverified:
        rows = unverified_rows(data)
        for row in rows:
            print(
                f"{row.state}\t{row.instrument}\t{row.status}\t{', '.join(row.basis)}"
                f"\t{'; '.join(row.flags)}"
            )
        by = Counter(r.instrument for r in rows)
        print("unverified rows: " + ", ".join(f"{k} {v}" for k, v in sorted(by.items())))
    print(f"{len(data.states)} rows, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
