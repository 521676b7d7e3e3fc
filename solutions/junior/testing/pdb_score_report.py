"""Use pdb, the Python debugger, to trace this script's function calls, find its two bugs and fix them."""

from __future__ import annotations

import sys

SAMPLE = [
    "alice: 90, 85, 77",
    "bob: 70, 95, 87",
    "carol: 88, 94, 91",
    "dave: 60, 75",
]


def observed_on_second_call() -> list[int]:
    # At the second call the "new, empty" default list still held alice's scores: a default
    # value is made once, when `def` runs, and every call without the argument shares it.
    return [90, 85, 77]


def parse_scores(text: str, scores: list[int] | None = None) -> list[int]:
    """Append the comma-separated scores in ``text`` to ``scores`` (a new list if not given); return it."""
    # Bug 1 was `scores: list[int] = []`. The fix: default to None, make the list in the call.
    if scores is None:
        scores = []
    for part in text.split(","):
        scores.append(int(part))
    return scores


def average(scores: list[int]) -> float:
    """The mean of ``scores``, rounded to 1 decimal."""
    return round(sum(scores) / len(scores), 1)


def build_report(lines: list[str]) -> list[tuple[str, float]]:
    """(name, average) rows: highest average first, ties in alphabetical order of name."""
    rows = []
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, rest = line.partition(":")
        rows.append((name.strip(), average(parse_scores(rest))))
    # Bug 2 was `key=lambda row: (row[1], row[0]), reverse=True`: reversing the whole key also
    # reversed the names of tied rows. Negate the average instead, and keep the names ascending.
    rows.sort(key=lambda row: (-row[1], row[0]))
    return rows


def format_report(rows: list[tuple[str, float]]) -> str:
    """'1. carol 91.0' lines, one per row."""
    return "\n".join(f"{rank}. {name} {avg}" for rank, (name, avg) in enumerate(rows, start=1))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args:
        with open(args[0], encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        lines = SAMPLE
    print(format_report(build_report(lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
