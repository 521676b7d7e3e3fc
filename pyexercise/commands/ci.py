"""The CI workflow `pyex init --ci github` writes: every push graded by `pyex verify`, the verdicts
on the learner's lines, the JUnit file kept as an artifact."""

from __future__ import annotations

from pyexercise import __version__

VERIFY = "pyex verify --format github --output pyex-results.xml"


def github_workflow() -> str:
    return f"""# Grades the exercises on every push: `pyex verify` runs each check and GitHub shows the failures
# on your lines. Written by `pyex init --ci github`.
name: pyex
on:
  push:
  pull_request:
jobs:
  verify:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install pyex
        run: python -m pip install "pyexercise=={__version__}"
      - name: Check the exercises
        run: {VERIFY}
      - name: Keep the results
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: pyex-results
          path: pyex-results.xml
"""
