"""pyex's speed, measured in one run on one machine: save-to-verdict latency through the real watch
path (warm worker) beside the fresh-subprocess baseline, and whole-curriculum verify wall time
beside running each check in a fresh interpreter one after another.

    python bench/bench.py [--saves 15] [--skip-verify] [--json bench/results.json]

Prints a table and writes JSON. A benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pyexercise import runner  # noqa: E402
from pyexercise.env import Environment  # noqa: E402
from pyexercise.grading import grade_many  # noqa: E402
from pyexercise.runner import warm  # noqa: E402
from pyexercise.runner.result import Outcome  # noqa: E402
from pyexercise.watch import RunDone, Watcher, WatchState, start_observer  # noqa: E402
from pyexercise.workspace import Workspace  # noqa: E402

REPRESENTATIVE = ["largest_number", "palindrome_check", "dedupe_ordered"]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def copy_workspace() -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="pyex-bench-"))
    for name in ("exercises", "solutions", "checks"):
        shutil.copytree(REPO / name, tmp / name)
    shutil.copy(REPO / "info.toml", tmp / "info.toml")
    return tmp


class Timed(Watcher):
    """The real watcher, noting when each verdict reaches the screen."""

    drawn: threading.Event
    last_draw: float = 0.0

    def draw(self, st: WatchState, out) -> None:
        super().draw(st, out)
        if st.result is not None and not st.running:
            self.last_draw = time.perf_counter()
            self.drawn.set()


def watch_latency(ws: Workspace, name: str, saves: int) -> dict:
    ex = ws.curriculum.get(name)
    solution = ex.solution.read_text(encoding="utf-8")
    events = __import__("queue").Queue()
    observer, mode = start_observer(ws.root, events, poll=False)
    watcher = Timed(ws, Environment().stdout, events=events, mode=mode)
    watcher.drawn = threading.Event()
    st = WatchState(exercise=ex)
    out = io.StringIO()
    thread = threading.Thread(target=watcher.loop, args=(st, out), daemon=True)
    thread.start()
    watcher.drawn.wait(120)
    latencies = []
    for i in range(saves):
        watcher.drawn.clear()
        time.sleep(0.3)  # let the screen settle, as between a learner's saves
        start = time.perf_counter()
        ex.stub.write_text(solution + f"\n# save {i}\n", encoding="utf-8")
        if not watcher.drawn.wait(120):
            break
        latencies.append(watcher.last_draw - start)
    # idle cost: the watch loop and the worker while nobody saves
    me = psutil.Process()
    procs = [me] + ([psutil.Process(warm.shared().pid)] if warm.shared() and warm.shared().pid else [])
    before = sum(p.cpu_times().user + p.cpu_times().system for p in procs)
    time.sleep(3)
    idle_cpu = (sum(p.cpu_times().user + p.cpu_times().system for p in procs) - before) / 3
    st.quit = True
    events.put(RunDone("", None, -1))  # wake the loop
    thread.join(5)
    observer.stop()
    observer.join(2)
    watcher.services.close()
    passed = st.result is not None and st.result.outcome is Outcome.PASS
    return {"exercise": name, "saves": len(latencies), "p50_ms": round(pct(latencies, 0.5) * 1000, 1),
            "p95_ms": round(pct(latencies, 0.95) * 1000, 1), "passed": passed,
            "idle_cpu_percent": round(idle_cpu * 100, 2)}


def plain_pytest(ex, env: dict | None = None) -> float:
    """The baseline: the check in a fresh `python -m pytest` process, the module importable by
    PYTHONPATH, no pyex at all. Returns wall seconds."""
    env = dict(os.environ, PYTHONPATH=str(ex.solution.parent), PYTHONDONTWRITEBYTECODE="1", **(env or {}))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "pyexercise.checklib.plugin",
                    str(ex.check)],
                   cwd=tempfile.gettempdir(), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def fresh_latency(ws: Workspace, name: str, runs: int) -> dict:
    ex = ws.curriculum.get(name)
    times, pyex_fresh = [], []
    for _ in range(runs):
        times.append(plain_pytest(ex))
        start = time.perf_counter()
        runner.run(runner.Job(ex, ex.solution))  # pyex's own fallback path, for comparison
        pyex_fresh.append(time.perf_counter() - start)
    return {"exercise": name, "runs": runs, "p50_ms": round(pct(times, 0.5) * 1000, 1),
            "p95_ms": round(pct(times, 0.95) * 1000, 1),
            "pyex_fresh_p50_ms": round(pct(pyex_fresh, 0.5) * 1000, 1)}


def verify_times(ws: Workspace) -> dict:
    exercises = list(ws.curriculum)
    jobs = os.cpu_count() or 1
    start = time.perf_counter()
    results = grade_many(ws, exercises, jobs, solutions=True)
    warm_wall = time.perf_counter() - start
    failed = [ex.name for ex, r in results if not r]
    from pyexercise.services import Services

    start = time.perf_counter()
    with Services() as services:
        for ex in exercises:
            plain_pytest(ex, services.env_for(ex.requires))
    fresh_wall = time.perf_counter() - start
    return {"exercises": len(exercises), "jobs": jobs, "warm_parallel_s": round(warm_wall, 2),
            "fresh_serial_s": round(fresh_wall, 2), "ratio": round(warm_wall / fresh_wall, 3),
            "failed": failed}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=15)
    parser.add_argument("--skip-verify", action="store_true")
    parser.add_argument("--json", default=str(REPO / "bench" / "results.json"))
    args = parser.parse_args()
    root = copy_workspace()
    os.environ["PYEX_ROOT"] = str(root)
    ws = Workspace(Environment(root_override=root))
    ws.snapshot()
    names = [n for n in REPRESENTATIVE if n in ws.curriculum]
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "cpu": platform.processor() or platform.machine(),
                    "memory_gb": round(psutil.virtual_memory().total / 2**30, 1)},
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "watch": [], "fresh": [], "verify": None,
    }
    for name in names:
        report["fresh"].append(fresh_latency(ws, name, args.saves))
        report["watch"].append(watch_latency(ws, name, args.saves))
    worker = warm.shared()
    report["worker_rss_mb"] = round(worker.memory_mb(), 1) if worker else None
    if not args.skip_verify:
        report["verify"] = verify_times(ws)
    shutil.rmtree(root, ignore_errors=True)

    print(f"machine: {report['machine']['cpus']} cores, {report['machine']['memory_gb']} GB, "
          f"Python {report['machine']['python']}, {report['machine']['platform']}")
    print("fresh = the check in a fresh `python -m pytest` process; watch = save to verdict on screen")
    print(f"{'exercise':<22}{'fresh p50':>11}{'fresh p95':>11}{'watch p50':>11}{'watch p95':>11}"
          f"{'ratio':>8}{'idle CPU':>10}")
    for f, w in zip(report["fresh"], report["watch"]):
        ratio = w["p50_ms"] / f["p50_ms"] if f["p50_ms"] else float("nan")
        w["ratio_to_fresh"] = round(ratio, 3)
        print(f"{f['exercise']:<22}{f['p50_ms']:>9.0f}ms{f['p95_ms']:>9.0f}ms{w['p50_ms']:>9.0f}ms"
              f"{w['p95_ms']:>9.0f}ms{ratio:>8.2f}{w['idle_cpu_percent']:>9.1f}%")
    print(f"warm worker resident memory: {report['worker_rss_mb']} MB")
    if report["verify"]:
        v = report["verify"]
        print(f"verify --solutions, {v['exercises']} exercises: warm -j{v['jobs']} {v['warm_parallel_s']} s, "
              f"fresh one after another {v['fresh_serial_s']} s, ratio {v['ratio']}"
              + (f"; FAILED: {', '.join(v['failed'])}" if v["failed"] else ""))
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    print(f"JSON: {args.json}")


if __name__ == "__main__":
    main()
