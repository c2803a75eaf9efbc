"""Check the acceptance data for internal consistency; exit 1 and list the problems.

Usage: python scripts/check_acceptance.py

Loading the data already checks the schema and that every cited source exists;
this script adds the treaty arithmetic (entry into force = deposit + the
instrument's period, or the instrument's own entry into force if later), the
order of the dates and the denunciation periods.
"""

from __future__ import annotations

import sys

from litigate.errors import RuleDataError
from litigate.rules import load_rules
from litigate.rules.consistency import acceptance_problems


def main() -> int:
    """Run the checks and print a summary."""
    try:
        data = load_rules().acceptances
    except RuleDataError as exc:
        print(exc)
        return 1
    problems = acceptance_problems(data)
    for line in problems:
        print(line)
    print(f"{len(data.states)} rows, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
