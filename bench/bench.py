"""pyex's speed against a fair baseline, measured in one run on one machine. A benchmark, not a
test: nothing here asserts a time; every baseline check is asserted to have passed (or, for a
failing save, failed), so the comparison is between equal work.

    python bench/bench.py [--saves 12] [--rounds 2] [--idle 60] [--skip-verify] [--json FILE]

The baseline is what a learner without pyex would run: the same check in a fresh
``python -m pytest`` process, with the module importable, the same plugins and hypothesis profile
(full example counts, derandomized), bytecode caching as a user has it (after a first run), the
same services, and, for the whole curriculum, the same parallelism as ``pyex verify``. pyex and the
baseline are interleaved (A B A B ...) so a machine getting busier does not favour either.

Measured:
- watch: save -> verdict on screen, through the real ``pyex watch`` in a pseudo-terminal, for
  passing saves (the solution) and failing ones (a mutant the check kills), beside the baseline
  on the same files;
- watch at rest: resident memory of all of pyex's processes together, and their CPU over --idle s;
- one-shot commands: ``pyex --help``, ``pyex run`` solved and unsolved, ``pyex list`` at the
  curriculum's size, 250 and 10,000 exercises;
- verify: ``pyex verify --solutions -j N`` of the whole curriculum beside every check in a fresh
  pytest, N at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO))

from pyexercise.env import Environment  # noqa: E402
from pyexercise.mutants import mutants  # noqa: E402
from pyexercise.mutation_record import RECORD_FILE  # noqa: E402
from pyexercise.session import GradingSession, cache_dir  # noqa: E402
from pyexercise.workspace import Workspace  # noqa: E402

REPRESENTATIVE = ["largest_number", "palindrome_check", "dedupe_ordered"]
PYEX = [sys.executable, "-m", "pyexercise"]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def ms(values: list[float]) -> dict:
    return {"p50_ms": round(pct(values, 0.5) * 1000, 1), "p95_ms": round(pct(values, 0.95) * 1000, 1),
            "n": len(values)}


def copy_workspace() -> Path:
    root = Path(tempfile.mkdtemp(prefix="pyex-bench-"))
    for name in ("exercises", "solutions", "checks"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("info.toml", RECORD_FILE):
        shutil.copy(REPO / name, root / name)
    return root


def quiet_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYEX_")}
    env.update(COLUMNS="100", **extra)
    return env


def failing_source(ws_root: Path, ex) -> str:
    """A mutant of the solution that its check kills (the first one not in the record's survivors)."""
    record = json.loads((ws_root / RECORD_FILE).read_text()).get("exercises", {}).get(ex.name, {})
    survivors = set(record.get("survivors", ()))
    for mutant in mutants(ex.solution.read_text(encoding="utf-8")):
        if mutant.description not in survivors:
            return mutant.source
    raise SystemExit(f"{ex.name} has no mutant its check kills")


# -- the baseline ------------------------------------------------------------------------------------

class Baseline:
    """One check in a fresh ``python -m pytest``, as fair to it as pyex is to itself."""

    def __init__(self, session: GradingSession) -> None:
        self.session = session
        self.cache = cache_dir()

    def run(self, ex, source: str) -> tuple[float, int]:
        with tempfile.TemporaryDirectory(prefix="pyex-baseline-") as tmp:
            target = Path(tmp, "target", f"{ex.module}.py")
            target.parent.mkdir()
            target.write_text(source, encoding="utf-8")
            work = Path(tmp, "work")
            work.mkdir()
            with self.session.services.lease(ex.requires) as services:
                env = quiet_env(PYTHONPATH=os.pathsep.join([str(target.parent), str(BENCH)]),
                                PYEX_TARGET=str(target), PYEX_MODULE=ex.module, HOME=str(work), TMPDIR=str(work),
                                HYPOTHESIS_STORAGE_DIRECTORY=self.cache, PYTHONHASHSEED="0", **services)
                env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's pytest caches rewritten assertions
                start = time.perf_counter()
                proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                       "-p", "bench_profile", "-p", "pyexercise.checklib.plugin", str(ex.check)],
                                      cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
                return time.perf_counter() - start, proc.returncode


# -- watch -------------------------------------------------------------------------------------------

def tree_of(pid: int) -> list[psutil.Process]:
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def watch_bench(root: Path, ws: Workspace, baseline: Baseline, names: list[str], saves: int, idle: float) -> dict:
    import pexpect

    report = {"exercises": [], "idle": None}
    for name in names:
        ex = ws.curriculum.get(name)
        good, bad = ex.solution.read_text(encoding="utf-8"), failing_source(root, ex)
        stub = ex.stub.read_bytes()
        for source, code in ((good, 0), (bad, 1)):  # bytecode caches as a user has them
            assert baseline.run(ex, source)[1] == code, f"the baseline of {name} did not {'pass' if code == 0 else 'fail'}"
        child = pexpect.spawn(PYEX[0], [*PYEX[1:], "watch", name], cwd=str(root), env=quiet_env(TERM="xterm-256color"),
                              dimensions=(40, 100), encoding="utf-8", timeout=120)
        try:
            if not (root / ".pyex" / "state.json").exists():
                child.expect("Press any key to start")
                child.send(" ")
            child.expect("Not done yet")
            watch = {"pass": [], "fail": []}
            fresh = {"pass": [], "fail": []}
            for i in range(saves):
                kind, source, words = ("pass", good, "Passed") if i % 2 == 0 else ("fail", bad, "Not yet")
                time.sleep(0.3)  # let the previous frame settle
                start = time.perf_counter()
                ex.stub.write_text(source, encoding="utf-8")
                child.expect(words)
                watch[kind].append(time.perf_counter() - start)
                seconds, code = baseline.run(ex, source)
                assert code == (0 if kind == "pass" else 1), f"the baseline of {name} gave exit code {code}"
                fresh[kind].append(seconds)
            if name == names[-1]:
                report["idle"] = idle_cost(child.pid, idle)
            child.send("q")
            child.expect(pexpect.EOF)
        finally:
            child.close(force=True)
            ex.stub.write_bytes(stub)
        row = {"exercise": name}
        for kind in ("pass", "fail"):
            w, f = ms(watch[kind]), ms(fresh[kind])
            row[kind] = {"watch": w, "fresh": f, "ratio": round(w["p50_ms"] / f["p50_ms"], 3)}
        report["exercises"].append(row)
    return report


def idle_cost(pid: int, seconds: float) -> dict:
    time.sleep(2)  # the last verdict drawn, the worker re-forked
    procs = tree_of(pid)
    rss = sum(p.memory_info().rss for p in procs if p.is_running())

    def cpu() -> float:
        total = 0.0
        for p in tree_of(pid):
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
        return total

    before, start = cpu(), time.perf_counter()
    time.sleep(seconds)
    used = cpu() - before
    return {"processes": len(procs), "rss_mb": round(rss / 2**20, 1), "seconds": seconds,
            "cpu_percent": round(100 * used / (time.perf_counter() - start), 2)}


# -- one-shot commands -------------------------------------------------------------------------------

def timed(args: list[str], cwd: Path, runs: int, expect: int | None = None) -> dict:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(args, cwd=cwd, env=quiet_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if expect is not None:
            assert proc.returncode == expect, f"{' '.join(args)} exited {proc.returncode}"
    return ms(times)


def synthetic_workspace(count: int) -> Path:
    """A curriculum of ``count`` copies of one small exercise (for `pyex list` at scale)."""
    root = Path(tempfile.mkdtemp(prefix=f"pyex-bench-{count}-"))
    source = REPO / "exercises" / "junior" / "core" / "largest_number.py"
    entries = ["format_version = 1", ""]
    for i in range(count):
        name = f"exercise_{i:05d}"
        folder = f"junior/t{i // 100:03d}"
        for tree, file in (("exercises", f"{name}.py"), ("solutions", f"{name}.py"), ("checks", f"test_{name}.py")):
            path = root / tree / folder / file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(source.read_bytes())
        entries += ["[[exercises]]", f'name = "{name}"', f'path = "{folder}/{name}.py"', 'covers = []',
                    'hints = ["one", "two"]', ""]
    (root / "info.toml").write_text("\n".join(entries), encoding="utf-8")
    return root


def one_shot(root: Path, ws: Workspace, runs: int) -> dict:
    ex = ws.curriculum.get(REPRESENTATIVE[0])
    stub = ex.stub.read_bytes()
    report = {"help": timed([*PYEX, "--help"], root, runs, 0),
              "run_unsolved": timed([*PYEX, "run", ex.name], root, runs, 1)}
    ex.stub.write_bytes(ex.solution.read_bytes())
    report["run_solved"] = timed([*PYEX, "run", ex.name], root, runs, 0)
    ex.stub.write_bytes(stub)
    report["list"] = {len(ws.curriculum): timed([*PYEX, "list"], root, runs, 0)}
    for count in (250, 10_000):
        big = synthetic_workspace(count)
        try:
            report["list"][count] = timed([*PYEX, "list"], big, max(1, runs // 2), 0)
        finally:
            shutil.rmtree(big, ignore_errors=True)
    return report


# -- verify ------------------------------------------------------------------------------------------

def verify_bench(root: Path, ws: Workspace, baseline: Baseline, jobs: int, rounds: int) -> dict:
    exercises = list(ws.curriculum)
    for ex in exercises:  # bytecode caches as a user has them
        baseline.run(ex, ex.solution.read_text(encoding="utf-8"))
    pyex_walls, fresh_walls, failed = [], [], set()
    for _ in range(rounds):
        start = time.perf_counter()
        proc = subprocess.run([*PYEX, "verify", "--solutions", "-j", str(jobs), "--format", "json"], cwd=root,
                              env=quiet_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True)
        pyex_walls.append(time.perf_counter() - start)
        results = json.loads(proc.stdout)
        failed |= {e["name"] for e in results["exercises"] if e["status"] != "pass"}
        start = time.perf_counter()
        with ThreadPoolExecutor(jobs) as pool:
            codes = list(pool.map(lambda ex: baseline.run(ex, ex.solution.read_text(encoding="utf-8"))[1], exercises))
        fresh_walls.append(time.perf_counter() - start)
        failed |= {f"{ex.name} (baseline)" for ex, code in zip(exercises, codes) if code != 0}
    pyex_s, fresh_s = statistics.median(pyex_walls), statistics.median(fresh_walls)
    return {"exercises": len(exercises), "jobs": jobs, "rounds": rounds, "pyex_s": round(pyex_s, 2),
            "fresh_s": round(fresh_s, 2), "ratio": round(pyex_s / fresh_s, 3), "failed": sorted(failed)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=12, help="saves per exercise in watch (half pass, half fail)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds of the whole-curriculum verify")
    parser.add_argument("--runs", type=int, default=6, help="runs of each one-shot command")
    parser.add_argument("--idle", type=float, default=60.0, help="seconds watch is measured at rest")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-verify", action="store_true")
    parser.add_argument("--json", default=str(BENCH / "results.json"))
    args = parser.parse_args()
    root = copy_workspace()
    ws = Workspace(Environment(root_override=root))
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
                    "load_at_start": [round(x, 2) for x in os.getloadavg()]},
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }
    try:
        with GradingSession(ws, warm_worker=False) as session:  # only for the services the baseline leases
            baseline = Baseline(session)
            names = [n for n in REPRESENTATIVE if n in ws.curriculum]
            report["watch"] = watch_bench(root, ws, baseline, names, args.saves, args.idle)
            report["one_shot"] = one_shot(root, ws, args.runs)
            if not args.skip_verify:
                report["verify"] = verify_bench(root, ws, baseline, args.jobs, args.rounds)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    show(report)
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    print(f"JSON: {args.json}")


def show(report: dict) -> None:
    m = report["machine"]
    print(f"machine: {m['cpus']} cores, {m['memory_gb']} GB, Python {m['python']}, {m['platform']}, "
          f"load at start {m['load_at_start']}")
    print("save -> verdict: watch (pyex, on screen) against a fresh `python -m pytest` of the same file")
    print(f"{'exercise':<20}{'save':>6}{'fresh p50':>11}{'watch p50':>11}{'watch p95':>11}{'ratio':>8}")
    for row in report["watch"]["exercises"]:
        for kind in ("pass", "fail"):
            r = row[kind]
            print(f"{row['exercise']:<20}{kind:>6}{r['fresh']['p50_ms']:>9.0f}ms{r['watch']['p50_ms']:>9.0f}ms"
                  f"{r['watch']['p95_ms']:>9.0f}ms{r['ratio']:>8.2f}")
    idle = report["watch"]["idle"]
    if idle:
        print(f"watch at rest: {idle['processes']} processes, {idle['rss_mb']} MB resident together, "
              f"{idle['cpu_percent']}% CPU over {idle['seconds']:g} s")
    o = report["one_shot"]
    print(f"pyex --help {o['help']['p50_ms']:.0f} ms; pyex run unsolved {o['run_unsolved']['p50_ms']:.0f} ms, "
          f"solved {o['run_solved']['p50_ms']:.0f} ms; pyex list: "
          + ", ".join(f"{n} exercises {r['p50_ms']:.0f} ms" for n, r in o["list"].items()))
    v = report.get("verify")
    if v:
        print(f"verify --solutions, {v['exercises']} exercises, -j{v['jobs']}: pyex {v['pyex_s']} s, fresh pytest "
              f"{v['fresh_s']} s, ratio {v['ratio']}" + (f"; FAILED: {', '.join(v['failed'])}" if v["failed"] else ""))


if __name__ == "__main__":
    main()
