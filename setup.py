"""The wheel carries the curriculum: info.toml, exercises/, checks/ and solutions/ as package data of
pyexercise (pyexercise/data/curriculum/), while the repository keeps them at its top level for authors.
Everything else about the build is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
TREES = ("exercises", "checks", "solutions")


class BuildWithCurriculum(build_py):
    def run(self):
        super().run()
        dest = Path(self.build_lib, "pyexercise", "data", "curriculum")
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        shutil.copy2(HERE / "info.toml", dest / "info.toml")
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.changed-*", ".*")
        for tree in TREES:
            shutil.copytree(HERE / tree, dest / tree, ignore=ignore)


setup(cmdclass={"build_py": BuildWithCurriculum})
