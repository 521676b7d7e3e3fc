import cProfile
import pstats
import random
import re
import sys
import textwrap

import pytest
from hypothesis import given, strategies as st

from cprofile_hotspots import Hotspot, fast_report, hotspots, main, profile_call, slow_report
from pyexercise.checklib import run_main, speed_ratio, time_budget

# ---------------------------------------------------------------- code to profile, with known call counts


def tiny():
    return 1


def burn(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def depth(k):
    return 0 if k == 0 else 1 + depth(k - 1)


class Walker:
    def step(self):
        return burn(200)


class Runner:
    def step(self):
        return tiny()


HELPERS: dict = {}
exec(compile("".join(f"def helper{i}():\n    return {i}\n" for i in range(8)), "<helpers>", "exec"), HELPERS)
HELPERS = [f for name, f in sorted(HELPERS.items()) if name.startswith("helper")]


def workload(rounds, *, small=40):
    """burn() called `rounds` times, tiny() `small` times, a recursion 30 deep, two methods named step,
    and eight little helpers (so the table has more than 10 functions)."""
    for i, helper in enumerate(HELPERS):
        for _ in range(i + 1):
            helper()
    for _ in range(rounds):
        burn(20_000)
    for _ in range(small):
        tiny()
    depth(30)
    for _ in range(3):
        Walker().step()
    for _ in range(5):
        Runner().step()


def calls_of(stats, func):
    """How often the profile saw `func` called (all calls), read straight from pstats' table."""
    code = func.__code__
    for (file, line, name), (_cc, nc, _tt, _ct, _callers) in stats.stats.items():
        if (file, line, name) == (code.co_filename, code.co_firstlineno, code.co_name):
            return nc
    return 0


def oracle(stats, n):
    spots = [Hotspot(name, file, line, nc, tt, ct) for (file, line, name), (_cc, nc, tt, ct, _c) in stats.stats.items()]
    spots.sort(key=lambda h: (-h.tottime, -h.ncalls, h.name, h.file, h.line))
    return spots[:n]


@pytest.fixture(scope="module")
def known_stats():
    profiler = cProfile.Profile()
    profiler.enable()
    workload(6)
    profiler.disable()
    return pstats.Stats(profiler)


# ---------------------------------------------------------------- profile_call


def test_profile_call_returns_stats_of_that_call():
    """profile_call runs fn(*args, **kwargs) under cProfile and returns a pstats.Stats of it"""
    tiny()  # called before profiling: must not be in the profile
    stats = profile_call(workload, 2, small=7)
    assert isinstance(stats, pstats.Stats), f"profile_call should return a pstats.Stats, got {type(stats).__name__}"
    assert calls_of(stats, workload) == 1, "the profile should show the profiled function called once"
    assert calls_of(stats, burn) == 2 + 3, (f"workload(2, small=7) calls burn() 5 times, the profile says "
                                        f"{calls_of(stats, burn)}: pass the arguments on as fn(*args, **kwargs)")
    assert calls_of(stats, tiny) == 7 + 5, (f"workload(2, small=7) calls tiny() 12 times, the profile says "
                                            f"{calls_of(stats, tiny)}: pass the keyword arguments on too")
    assert calls_of(stats, test_profile_call_returns_stats_of_that_call) == 0, (
        "the profile should hold the call to fn alone, not the code around it")


def test_profile_call_starts_fresh_each_time():
    """each profile_call has statistics of its own call only"""
    profile_call(workload, 1, small=3)
    stats = profile_call(workload, 1, small=3)
    got = calls_of(stats, tiny)
    assert got == 8, (f"the second profile_call of workload(1, small=3) should see tiny() called 8 times, not {got}: "
                      "make a new cProfile.Profile for every call, or the counts pile up")


class Boom(Exception):
    pass


def explode():
    tiny()
    raise Boom("inside the profiled function")


def test_profile_call_exception_propagates_and_profiler_is_off():
    """an exception from fn propagates, and the profiler is switched off all the same"""
    assert sys.getprofile() is None
    with pytest.raises(Boom):
        profile_call(explode)
    still_on = sys.getprofile()
    sys.setprofile(None)
    assert still_on is None, ("after fn raised, the profiler was still switched on: disable it in a finally block "
                              "(or use Profile.runcall, which does)")
    assert calls_of(profile_call(tiny), tiny) == 1, "profile_call should work again after an exception"


# ---------------------------------------------------------------- hotspots


def check_spots(got, want, what):
    assert type(got) is list, f"hotspots() should return a list, got {type(got).__name__}"
    for spot in got:
        assert type(spot) is Hotspot, f"each hotspot should be a Hotspot (the NamedTuple given), got {spot!r}"
        assert type(spot.ncalls) is int and type(spot.line) is int, f"ncalls and line are ints: {spot!r}"
        assert type(spot.tottime) is float and type(spot.cumtime) is float, f"the times are floats: {spot!r}"
    assert got == want, f"{what}:\n want {want}\n  got {got}"


@pytest.mark.parametrize("n", [1, 3, 8])
def test_hotspots_top_n_by_own_time(known_stats, n):
    """hotspots(stats, n) lists the n functions with the most own time (tottime), largest first"""
    check_spots(hotspots(known_stats, n), oracle(known_stats, n),
                f"hotspots(stats, {n}) should be the {n} entries of stats.stats with the largest tottime")


def test_hotspots_dominant_is_burn(known_stats):
    """the function that burns the CPU comes first, with its exact number of calls"""
    first = hotspots(known_stats, 1)[0]
    assert (first.name, first.ncalls) == ("burn", 6 + 3), (
        f"burn() does nearly all the work and was called 9 times; hotspots put first {first.name} "
        f"with {first.ncalls} calls")
    assert first.file == burn.__code__.co_filename and first.line == burn.__code__.co_firstlineno, (
        f"file and line should say where burn is defined, got {first.file}:{first.line}")


def test_hotspots_whole_table_and_more(known_stats):
    """n at or above the number of functions gives them all; the default n is 10; n=0 gives []"""
    everything = len(known_stats.stats)
    check_spots(hotspots(known_stats, everything + 5), oracle(known_stats, everything),
                "asking for more hotspots than there are functions should give all of them")
    check_spots(hotspots(known_stats), oracle(known_stats, 10), "hotspots(stats) should list 10 by default")
    assert hotspots(known_stats, 0) == [], "hotspots(stats, 0) should be []"


def test_recursive_calls_count(known_stats):
    """ncalls counts recursive calls too: depth(30) is 31 calls, of which 1 is primitive"""
    spot = next((h for h in hotspots(known_stats, 10_000) if h.name == "depth"), None)
    assert spot is not None, "depth() was called, so it should be among all the hotspots"
    assert spot.ncalls == 31, (f"depth(30) recurses: 31 calls in all, 1 of them primitive (not recursive); pstats "
                               f"prints it as 31/1. ncalls should be 31, got {spot.ncalls}")


def test_same_name_different_functions(known_stats):
    """two methods named step are two hotspots, each with its own count"""
    steps = sorted((h.line, h.ncalls) for h in hotspots(known_stats, 10_000) if h.name == "step")
    want = sorted([(Walker.step.__code__.co_firstlineno, 3), (Runner.step.__code__.co_firstlineno, 5)])
    assert steps == want, (f"Walker.step (3 calls) and Runner.step (5 calls) are different functions with the same "
                           f"name: want (line, ncalls) {want}, got {steps}. Key them by (file, line, name), as "
                           "stats.stats does; a table keyed by name alone merges them")


def test_times_are_not_rounded(known_stats):
    """tottime and cumtime are the profiler's own floats"""
    burn_key = (burn.__code__.co_filename, burn.__code__.co_firstlineno, "burn")
    _cc, _nc, tt, ct, _callers = known_stats.stats[burn_key]
    spot = hotspots(known_stats, 1)[0]
    assert (spot.tottime, spot.cumtime) == (tt, ct), (
        f"burn's tottime/cumtime should be {tt!r}/{ct!r} exactly, as in stats.stats, got {spot.tottime!r}/"
        f"{spot.cumtime!r}: don't round (get_stats_profile() rounds to 3 decimals)")


def test_hotspots_negative_n(known_stats):
    """n < 0 is a ValueError"""
    with pytest.raises(ValueError):
        hotspots(known_stats, -1)


# ---------------------------------------------------------------- fast_report: the same text


def reference_report(sales, top=3):
    """The check's own report, written independently of slow_report."""
    totals, counts, products = {}, {}, {}
    for customer, product, cents in sales:
        totals[customer] = totals.get(customer, 0) + cents
        counts[customer] = counts.get(customer, 0) + 1
        products.setdefault(customer, set()).add(product)
    lines = []
    for c in sorted(totals, key=lambda c: (-totals[c], c))[:top]:
        money = f"{'-' if totals[c] < 0 else ''}${abs(totals[c]) // 100:,}.{abs(totals[c]) % 100:02d}"
        lines.append(f"{c}: {money} ({counts[c]} sales, {len(products[c])} products)\n")
    return "".join(lines)


def test_fast_report_docstring_example():
    """fast_report gives slow_report's text, as in its docstring; top defaults to 3"""
    sales = [("ann", "tea", 350), ("bob", "jam", 900), ("ann", "tea", 200), ("ann", "mug", 1200)]
    want = "ann: $17.50 (3 sales, 2 products)\nbob: $9.00 (1 sales, 1 products)\n"
    got = fast_report(sales)
    assert type(got) is str and got == want, f"fast_report({sales!r}) should be {want!r}, got {got!r}"
    five = [(name, "x", 100 * i) for i, name in enumerate(["ann", "bob", "cy", "dee", "ed"], 1)]
    want = reference_report(five)
    assert fast_report(five) == want, f"fast_report(sales) of 5 customers shows the top 3 by default: {want!r}"
    assert slow_report(five) == want, "slow_report shows the top 3 by default: leave it as it was given"


EDGES = [
    ([], 3, "no sales: an empty report"),
    ([("ann", "tea", 100)], 0, "top=0 asks for no lines"),
    ([("cy", "a", 500), ("ann", "b", 500), ("bob", "c", 500), ("dan", "d", 499)], 3, "equal totals: by name"),
    ([("ann", "tea", 100), ("ann", "tea", -1234567), ("bob", "x", 0)], 5, "refunds can make a total negative"),
    ([("Ann", "x", 5), ("ann", "x", 5), ("ann", "X", 5)], 9, "names and products are case-sensitive"),
    ([("ann", "x", -1), ("bob", "y", 7)], 2, "a refund of one cent is -$0.01"),
    ([("z", f"p{i % 4}", i * 99_999) for i in range(50)], 1, "one customer, many sales of a few products"),
]


@pytest.mark.parametrize("sales, top, why", EDGES)
def test_slow_report_is_unchanged(sales, top, why):
    """slow_report is given: it still gives its report (the task says not to change it)"""
    want = reference_report(sales, top)
    got = slow_report(sales, top)
    assert got == want, (f"{why}: slow_report({sales!r}, {top}) should be {want!r}, got {got!r}. slow_report and "
                         "format_cents are the code to profile: leave them as they were given")


@pytest.mark.parametrize("sales, top, why", EDGES)
def test_fast_report_edges(sales, top, why):
    """fast_report equals slow_report on the edges"""
    want = reference_report(sales, top)
    got = fast_report(sales, top)
    assert got == want, f"{why}: fast_report({sales!r}, {top}) should be {want!r}, got {got!r}"


def test_fast_report_reads_an_iterator_once():
    """sales may be an iterator: one pass over it"""
    sales = [("ann", "tea", 350), ("bob", "jam", 900), ("ann", "mug", 1200)]
    got = fast_report(iter(sales), 2)
    want = reference_report(sales, 2)
    assert got == want, f"fast_report(iter(sales)) should be {want!r}, got {got!r}: an iterator can be walked only once"


sale = st.tuples(st.sampled_from(["ann", "bob", "cy", "Ann", "dee", "ed"]), st.sampled_from(["tea", "jam", "mug"]),
                 st.integers(-3000, 9000))


@given(sales=st.lists(sale, max_size=40), top=st.integers(0, 7))
def test_fast_report_matches_slow_report(sales, top):
    """for any sales, fast_report's text is slow_report's"""
    want = slow_report(sales, top)
    assert want == reference_report(sales, top), "slow_report was changed: leave it as it was given"
    got = fast_report(sales, top)
    assert got == want, f"fast_report({sales!r}, {top}) should be {want!r}, got {got!r}"


# ---------------------------------------------------------------- main: profile a script

SCRIPT = '''\
import sys


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 11
    return total


def light():
    return 1


HELPERS = [eval(f"lambda: {i}") for i in range(12)]


def run():
    for _ in range(40):
        crunch(5000)
    for _ in range(500):
        light()
    for helper in HELPERS:
        helper()


if __name__ == "__main__":
    print("args:", sys.argv[1:])
    run()
    if "--fail" in sys.argv:
        sys.exit(3)
    if "--done" in sys.argv:
        sys.exit()
    if "--bye" in sys.argv:
        sys.exit("bye")
'''
HEADER = "   ncalls   tottime   cumtime  function"
ROW = re.compile(r"^( {0,8}\d+) ( *\d+\.\d{3}) ( *\d+\.\d{3})  (\S.*)$")


def table(out):
    lines = out.splitlines()
    heads = [i for i, line in enumerate(lines) if line.split() == ["ncalls", "tottime", "cumtime", "function"]]
    assert heads, f"main should print a header line {HEADER!r} before the hotspots; got:\n{out}"
    assert lines[heads[-1]] == HEADER, (f"the header should be exactly {HEADER!r} (f\"{{'ncalls':>9}} "
                                        f"{{'tottime':>9}} {{'cumtime':>9}}  function\"), got {lines[heads[-1]]!r}")
    rows = []
    for line in lines[heads[-1] + 1:]:
        m = ROW.match(line)
        assert m and all(len(m[i]) == 9 for i in (1, 2, 3)), (
            f"each hotspot line should be f'{{ncalls:>9}} {{tottime:>9.3f}} {{cumtime:>9.3f}}  {{function}}', got "
            f"{line!r}")
        rows.append((int(m[1]), float(m[2]), float(m[3]), m[4]))
    return heads[-1], rows


@pytest.fixture
def script(tmp_path):
    path = tmp_path / "work.py"
    path.write_text(SCRIPT)
    return path


def test_main_profiles_a_script(script):
    """main runs the script as __main__ with its arguments and prints its hotspots, the busiest first"""
    argv_before = list(sys.argv)
    code, out, err = run_main(main, ["-n", "4", str(script), "x", "--flag"])
    profiling = sys.getprofile()
    sys.setprofile(None)
    assert profiling is None, "main should switch the profiler off once the script has run"
    assert sys.argv == argv_before, "main should put sys.argv back as it was after running the script"
    assert code == 0, f"main should return 0 after profiling a script that ran fine, got {code} (stderr: {err!r})"
    assert "args: ['x', '--flag']" in out, (f"the script should run as __main__ and see sys.argv[1:] == ['x', "
                                           f"'--flag'] (the arguments after its name); it printed:\n{out}")
    head, rows = table(out)
    assert out.splitlines().index("args: ['x', '--flag']") < head, "the script's output comes before the report"
    assert len(rows) == 4, f"-n 4 should print 4 hotspot lines, got {len(rows)}:\n{out}"
    ncalls, _tt, _ct, where = rows[0]
    assert (ncalls, where) == (40, "crunch (work.py:4)"), (
        f"crunch does the work: the first line should show 40 calls and 'crunch (work.py:4)' (the name, then the "
        f"file's base name and the line of its def), got {ncalls} calls and {where!r}")
    times = [row[1] for row in rows]
    assert times == sorted(times, reverse=True), f"the lines should be in order of tottime, largest first: {times}"


def test_main_default_lists_ten_and_builtins(script):
    """-n defaults to 10, every function of the script is there with its calls, built-ins by name alone"""
    code, out, err = run_main(main, [str(script)])
    assert code == 0, f"main should return 0, got {code} (stderr: {err!r})"
    _head, rows = table(out)
    assert len(rows) == 10, f"without -n main should print 10 hotspot lines, got {len(rows)}:\n{out}"
    code, out, err = run_main(main, ["--top", "1000", str(script)])
    _head, rows = table(out)
    found = {where: ncalls for ncalls, _tt, _ct, where in rows}
    assert found.get("light (work.py:11)") == 500, (
        f"light() is called 500 times: want a line '500 ... light (work.py:11)', got {found.get('light (work.py:11)')}"
        f" calls for it. All lines:\n{out}")
    assert found.get("run (work.py:18)") == 1, f"run() is called once: want 'run (work.py:18)' with 1 call:\n{out}"
    builtins = [where for where in found if where.startswith("<built-in method builtins.print>")]
    assert builtins == ["<built-in method builtins.print>"], (
        f"a built-in such as print has no file: show just its name, '<built-in method builtins.print>', got "
        f"{builtins}:\n{out}")
    code, out, err = run_main(main, ["-n", "0", str(script)])
    assert code == 0 and table(out)[1] == [], f"-n 0 prints the header and no hotspot lines:\n{out}"


@pytest.mark.parametrize("flag, want", [("--fail", 3), ("--done", 0), ("--bye", 1)])
def test_main_script_that_exits(script, flag, want):
    """a script that calls sys.exit() is still reported, and main returns the exit code Python would"""
    code, out, err = run_main(main, ["-n", "2", str(script), flag])
    call = {"--fail": "sys.exit(3)", "--done": "sys.exit()", "--bye": "sys.exit('bye')"}[flag]
    assert code == want, (f"the script ended with {call}: main should report it and return {want}, as Python itself "
                          f"would (None counts as 0, a message as 1), got {code}. SystemExit is an exception: catch "
                          "it around the script")
    _head, rows = table(out)
    assert len(rows) == 2 and rows[0][3] == "crunch (work.py:4)", f"the report should still be printed:\n{out}"


def test_main_missing_script(tmp_path):
    """a missing script is an error on stderr and exit code 2"""
    missing = tmp_path / "nope.py"
    code, out, err = run_main(main, [str(missing)])
    assert code == 2, f"main with a missing script should return 2, got {code}"
    assert "nope.py" in err, f"the error on stderr should name the missing script, got {err!r}"
    assert "ncalls" not in out, "with no script there is nothing to report"


def test_main_negative_n(script):
    """-n below 0 is a usage error: exit code 2, nothing run"""
    code, out, err = run_main(main, ["-n", "-1", str(script)])
    assert code == 2, f"main -n -1 should be a usage error with exit code 2 (argparse's parser.error), got {code}"
    assert "args:" not in out, "with a bad -n the script should not run at all"


# ---------------------------------------------------------------- the profile, the fix and the speed-up


def medium_sales():
    rng = random.Random(5)
    return [(f"c{rng.randrange(1000)}", f"p{rng.randrange(40)}", rng.randrange(-500, 10_000)) for _ in range(3000)]


def test_profile_points_at_find_customer():
    """profiling slow_report puts find_customer first, with one call per sale"""
    sales = medium_sales()
    spots = hotspots(profile_call(slow_report, sales), 3)
    names = [(h.name, h.ncalls) for h in spots]
    assert names and names[0] == ("find_customer", 3000), (
        f"with 3000 sales from 1000 customers, find_customer's linear scan takes nearly all the time, called once "
        f"per sale: the first hotspot should be ('find_customer', 3000), got {names}")


def test_fast_report_is_much_faster():
    """fast_report is at least 8x faster than slow_report on 3000 sales (measured side by side)"""
    sales = medium_sales()
    assert fast_report(sales, 5) == reference_report(sales, 5), "fast_report should give slow_report's text"
    ratio = speed_ratio(lambda: slow_report(sales, 5), lambda: fast_report(sales, 5), repeat=3)
    assert ratio >= 8, (f"fast_report was only {ratio:.1f}x faster than slow_report: the profile shows the linear "
                        "search for the customer's row; a dict finds it at once")


def test_fast_report_scales():
    """60,000 sales from 20,000 customers, and one who bought 30,000 different products: well within 2 s"""
    sales = [(f"c{i % 20_000}", f"p{i % 7}", (i * 7919) % 10_000 - 500) for i in range(60_000)]
    sales += [("whale", f"w{i}", 10) for i in range(30_000)]
    with time_budget(2, "fast_report took over 2 s on 90,000 sales (slow_report needs minutes): look up a customer "
                        "in a dict, not a list, and remember the products one customer bought in a set: "
                        "`product not in list` scans the whale's 30,000 products for every sale"):
        got = fast_report(sales, 4)
    lines = got.splitlines()
    assert lines[0] == "whale: $3,000.00 (30000 sales, 30000 products)" and len(lines) == 4, (
        f"the whale spent the most here; the report should start 'whale: $3,000.00 (30000 sales, 30000 products)' and "
        f"have 4 lines, got {got!r}")
    want = reference_report(sales, 4)
    assert got == want, f"the 4 top customers of the big input should be {want!r}, got {got!r}"
