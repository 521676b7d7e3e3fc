"""The workflow `pyex init --ci github` writes (its verify step is run in commands/test_init.py)."""

from __future__ import annotations

import yaml

from pyexercise import __version__
from pyexercise.commands.ci import VERIFY, github_workflow


def test_the_workflow_installs_this_pyex_and_runs_verify():
    flow = yaml.safe_load(github_workflow())
    runs = [s.get("run", "") for s in flow["jobs"]["verify"]["steps"]]
    assert f"pyexercise=={__version__}" in " ".join(runs) and VERIFY in runs
