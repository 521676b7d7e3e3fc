"""Use pdb, the Python debugger, to trace this script's function calls, find its two bugs and fix them.

The script reads lines like "alice: 90, 85, 77" and ranks the students by their average score.
On SAMPLE it should print

    1. carol 91.0
    2. alice 84.0
    3. bob 84.0
    4. dave 67.5

but run it (`python pdb_score_report.py`) and the numbers and the order come out wrong. Every
function looks right when you read it: watch it run instead.

How it should behave:
- `parse_scores(text, scores)` appends the comma-separated numbers in `text` to the list
  `scores` and returns that list; called without a list, it starts a new, empty one each time.
- `average(scores)` is the mean, rounded to 1 decimal.
- `build_report(lines)` skips blank lines and lines starting with "#", and returns
  (name, average) rows, highest average first; students with the same average are listed
  in alphabetical order of name.
- `format_report(rows)` numbers the rows: "1. carol 91.0", one per line.
- `main(argv)` prints the report for the file named in argv, or for SAMPLE when there is none.

Debugging with pdb:
1. Put `breakpoint()` on the first line inside `parse_scores` and run the script. Python stops
   there and shows the `(Pdb)` prompt.
2. `p scores` prints a variable (`pp` pretty-prints a big one); `where` shows the chain of calls
   that got here; `n` runs the next line; `s` steps into a call; `c` continues to the next
   breakpoint; `q` quits.
3. Before fixing anything: stop at the breakpoint, `c` once to get to the *second* call of
   parse_scores, and `p scores`. Write the list you saw into `observed_on_second_call()`.
   (It is a clue to the first bug.) pyex reports "not done yet" until you have answered.
4. Fix both bugs, and remove every `breakpoint()` (and `pdb.set_trace()`): pyex runs your code
   without a terminal, so a breakpoint left behind would stop it.
"""

from __future__ import annotations

import sys

SAMPLE = [
    "alice: 90, 85, 77",
    "bob: 70, 95, 87",
    "carol: 88, 94, 91",
    "dave: 60, 75",
]


def observed_on_second_call() -> list[int]:
    """What `p scores` showed at the top of the second call of parse_scores, before any fix."""
    raise NotImplementedError("answer this with pdb first (step 3 in the instructions above)")


def parse_scores(text: str, scores: list[int] = []) -> list[int]:
    """Append the comma-separated scores in ``text`` to ``scores`` (a new list if not given); return it."""
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
    rows.sort(key=lambda row: (row[1], row[0]), reverse=True)
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
