import importlib
import importlib.machinery
import inspect
import itertools
import sys
import traceback
import types
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from dict_importer import DictFinder, resolve
from pyexercise.checklib import assert_not_used

_unique = itertools.count()


@pytest.fixture(autouse=True)
def restore_import_state():
    """Whatever a test (or a broken finder) does, the next one starts from the same sys.meta_path
    and sys.modules."""
    meta_path, modules = list(sys.meta_path), dict(sys.modules)
    yield
    sys.meta_path[:] = meta_path
    for name in set(sys.modules) - set(modules):
        del sys.modules[name]


@pytest.fixture
def probe():
    """A module the dict sources import to report what ran, in order."""
    log = types.ModuleType("pyex_probe")
    log.ran = []
    sys.modules["pyex_probe"] = log
    return log.ran


def fresh(stem):
    return f"pyexdict_{stem}_{next(_unique)}"


def test_a_module_through_a_real_import():
    """`import NAME` finds a top-level module in the dict, with a correct __spec__"""
    name = fresh("greet")
    finder = DictFinder({f"{name}.py": "def hello(who):\n    return f'hello {who}'\n"})
    with finder as installed:
        assert installed is finder, "`with DictFinder(...) as f` should give the finder (install() returns self)"
        assert sys.meta_path[0] is finder, "install() should put the finder first on sys.meta_path"
        mod = importlib.import_module(name)
        exec(f"import {name} as again", env := {})
        assert env["again"] is mod, "a plain import statement goes through the finder (and sys.modules)"
        assert mod.hello("you") == "hello you"
        spec = mod.__spec__
        assert (spec.name, spec.loader, spec.origin, spec.submodule_search_locations) == (
            name, finder, f"dict:{name}.py", None), (
            f"__spec__ should have name {name!r}, loader the finder, origin 'dict:{name}.py' and no "
            f"submodule_search_locations (it is not a package), got {spec!r}")
        assert mod.__loader__ is finder and mod.__package__ == "" and not hasattr(mod, "__path__"), (
            "a top-level module has __loader__ = the finder, __package__ '' and no __path__")


def test_unknown_and_unrelated_names(tmp_path):
    """a name not in the dict is ModuleNotFoundError; other imports still work while installed"""
    name = fresh("nothing")
    with DictFinder({"other.py": ""}) as finder:
        assert finder.find_spec(name, None) is None, "find_spec() should return None for a name it does not have"
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(name)
        import email.mime.text  # noqa: F401 - a stdlib package's submodule, found by the path finder
        assert importlib.import_module("json.decoder").__spec__.loader is not finder
        assert finder.find_spec("json.decoder", [str(Path(sys.modules["json"].__file__).parent)]) is None, (
            "find_spec() for a submodule of a package that is not ours should return None")


def test_packages_initialise_first(probe):
    """importing pkg.mod runs pkg/__init__.py first, once; __path__ and __package__ are set"""
    pkg = fresh("shop")
    sources = {
        f"{pkg}/__init__.py": "import pyex_probe\npyex_probe.ran.append(__name__)\nCURRENCY = 'EUR'\n",
        f"{pkg}/cart.py": "import pyex_probe\npyex_probe.ran.append(__name__)\nITEMS = []\n",
    }
    with DictFinder(sources) as finder:
        cart = importlib.import_module(f"{pkg}.cart")
        assert probe == [pkg, f"{pkg}.cart"], f"import {pkg}.cart should run the package's __init__ first: ran {probe}"
        package = sys.modules[pkg]
        assert package.cart is cart, "after import pkg.cart, the package has the attribute cart"
        assert package.__path__ == [f"dict:{pkg}"], f"the package's __path__ should be ['dict:{pkg}'], got {package.__path__!r}"
        spec = package.__spec__
        assert spec.origin == f"dict:{pkg}/__init__.py" and spec.submodule_search_locations == [f"dict:{pkg}"], (
            f"a package's spec has origin 'dict:{pkg}/__init__.py' and submodule_search_locations ['dict:{pkg}'], got {spec!r}")
        assert (package.__package__, cart.__package__, cart.__spec__.parent) == (pkg, pkg, pkg)
        importlib.import_module(f"{pkg}.cart")
        exec(f"import {pkg}.cart", {})
        assert probe == [pkg, f"{pkg}.cart"], "a second import runs nothing: the modules are in sys.modules"
        assert finder.find_spec(f"{pkg}.cart", [f"dict:{pkg}"]).origin == f"dict:{pkg}/cart.py"


def test_relative_imports_and_nested_packages():
    """from . / from .. / from .mod import name work in packages served from the dict"""
    app = fresh("app")
    sources = {
        f"{app}/__init__.py": "from .config import NAME\n",
        f"{app}/config.py": "NAME = 'demo'\n",
        f"{app}/payments/__init__.py": "from . import card\nfrom .. import config\n",
        f"{app}/payments/card.py": "from ..config import NAME\nfrom .fees import fee\ndef charge(x):\n    return f'{NAME}:{x + fee(x)}'\n",
        f"{app}/payments/fees.py": "def fee(x):\n    return x // 10\n",
    }
    with DictFinder(sources):
        card = importlib.import_module(f"{app}.payments.card")
        assert card.charge(100) == "demo:110", "relative imports inside the package should work"
        payments = sys.modules[f"{app}.payments"]
        assert payments.card is card and payments.config is sys.modules[f"{app}.config"]
        assert payments.__path__ == [f"dict:{app}/payments"], f"nested package __path__: {payments.__path__!r}"
        assert sys.modules[app].NAME == "demo"


def test_submodules_are_found_through_dunder_path():
    """a package may extend its __path__: submodules are searched there, not guessed from the name"""
    pkg, extra = fresh("plug"), fresh("extras")
    sources = {
        f"{pkg}/__init__.py": f"__path__.append('dict:{extra}')\n",
        f"{extra}/loud.py": "SOUND = 'LOUD'\n",
        f"{pkg}/quiet.py": "SOUND = 'quiet'\n",
    }
    with DictFinder(sources):
        try:
            loud = importlib.import_module(f"{pkg}.loud")
        except ModuleNotFoundError:
            pytest.fail(f"{pkg}/__init__.py appends 'dict:{extra}' to its __path__, so import {pkg}.loud should find "
                        f"{extra}/loud.py: find_spec must look in the folders of its path argument (the parent's "
                        "__path__), not guess a key from the module's name")
        assert loud.SOUND == "LOUD" and loud.__spec__.origin == f"dict:{extra}/loud.py", (
            f"{pkg}.__path__ includes 'dict:{extra}', so {pkg}.loud is {extra}/loud.py: look in the folders of the "
            "path argument find_spec gets")
        assert importlib.import_module(f"{pkg}.quiet").SOUND == "quiet"


def test_folder_without_init_is_not_a_package():
    """a folder with modules but no __init__.py is not importable from the dict"""
    loose = fresh("loose")
    with DictFinder({f"{loose}/mod.py": "X = 1\n"}):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(f"{loose}.mod")
            pytest.fail(f"{loose}/ has no __init__.py: importing {loose}.mod should be a ModuleNotFoundError")


def test_package_wins_over_module():
    """with both NAME.py and NAME/__init__.py, the package is imported (as on disk)"""
    both = fresh("both")
    with DictFinder({f"{both}.py": "KIND = 'module'\n", f"{both}/__init__.py": "KIND = 'package'\n"}):
        assert importlib.import_module(both).KIND == "package"


def test_errors_point_at_the_dict_source():
    """a SyntaxError or an exception in a module names its dict: origin; source lines are found"""
    bad, boom = fresh("bad"), fresh("boom")
    sources = {
        f"{bad}.py": "def broken(:\n",
        f"{boom}.py": "def explode():\n    raise RuntimeError('kaboom')\n",
    }
    with DictFinder(sources) as finder:
        with pytest.raises(SyntaxError) as caught:
            importlib.import_module(bad)
        assert caught.value.filename == f"dict:{bad}.py", (
            f"compile the source with the origin as its filename: SyntaxError.filename should be 'dict:{bad}.py', "
            f"got {caught.value.filename!r}")
        assert bad not in sys.modules, "a module that failed to import must not stay in sys.modules"
        mod = importlib.import_module(boom)
        with pytest.raises(RuntimeError) as caught:
            mod.explode()
        text = "".join(traceback.format_exception(caught.value))
        assert f'File "dict:{boom}.py", line 2' in text and "raise RuntimeError('kaboom')" in text, (
            "the traceback should show the dict file and its source line (linecache asks the loader's get_source):\n"
            + text)
        assert inspect.getsource(mod.explode).startswith("def explode():"), "inspect.getsource should work too"
        assert finder.get_source(boom) == sources[f"{boom}.py"]
        for other in ("json", fresh("never_loaded")):
            with pytest.raises(ImportError):
                finder.get_source(other)
                pytest.fail(f"get_source({other!r}) should be an ImportError: this finder did not load it")


def test_reload_sees_changed_source():
    """importlib.reload runs the current source from the dict, in the same module object"""
    name = fresh("conf")
    sources = {f"{name}.py": "VALUE = 1\n"}
    with DictFinder(sources) as finder:
        mod = importlib.import_module(name)
        assert mod.VALUE == 1
        sources[f"{name}.py"] = "VALUE = 2\nEXTRA = True\n"
        again = importlib.reload(mod)
        assert again is mod and mod.VALUE == 2 and mod.EXTRA is True, (
            "after changing the source in the dict, importlib.reload should run the new text: keep the dict you "
            "were given (not a copy) and read it in exec_module")
        finder.sources[f"{name}.py"] = "VALUE = 3\n"
        assert importlib.reload(mod).VALUE == 3


def test_uninstall_restores_meta_path_and_modules():
    """uninstall() removes only this finder, and forgets the modules it loaded"""
    before = list(sys.meta_path)
    a_name, b_name = fresh("a"), fresh("b")
    first, second = DictFinder({f"{a_name}.py": "A = 1\n"}), DictFinder({f"{b_name}.py": "B = 2\n"})
    first.install()
    first.install()
    assert sys.meta_path.count(first) == 1, "installing twice should not add the finder twice"
    importlib.import_module(a_name)
    second.install()
    importlib.import_module(b_name)
    first.uninstall()
    assert sys.meta_path == [second] + before, (
        "first.uninstall() should remove only `first`, leaving `second` (installed later) and the rest as they were")
    assert a_name not in sys.modules and b_name in sys.modules, (
        "uninstall() should remove the modules this finder loaded from sys.modules, and only those")
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(a_name)
    second.uninstall()
    assert sys.meta_path == before and all(x is y for x, y in zip(sys.meta_path, before)), (
        "after both uninstall, sys.meta_path should be exactly what it was")
    second.uninstall()  # uninstalling again is harmless


def test_uninstall_leaves_modules_it_no_longer_owns():
    """a name this finder loaded, since re-imported through another finder, is left alone"""
    name = fresh("shared")
    first, second = DictFinder({f"{name}.py": "WHO = 'first'\n"}), DictFinder({f"{name}.py": "WHO = 'second'\n"})
    first.install()
    importlib.import_module(name)
    del sys.modules[name]
    second.install()  # now ahead of first
    assert importlib.import_module(name).WHO == "second"
    first.uninstall()
    assert sys.modules.get(name) is not None and sys.modules[name].WHO == "second", (
        "first.uninstall() removed a module that the second finder loaded: remove only modules whose "
        "__spec__.loader is this finder")
    second.uninstall()


def test_context_manager_uninstalls_on_error():
    """leaving the with block, even by an exception, uninstalls"""
    before = list(sys.meta_path)
    name = fresh("ctx")
    with pytest.raises(KeyError):
        with DictFinder({f"{name}.py": ""}):
            importlib.import_module(name)
            raise KeyError("boom")
    assert sys.meta_path == before and name not in sys.modules


# -- resolve: how the path finder searches sys.path ------------------------------------------

def make_tree(root, files):
    for rel in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("raise SystemExit('resolve() must not run the code')\n", encoding="utf-8")


def oracle(name, paths):
    """What the standard path finder does, step by step."""
    importlib.invalidate_caches()
    parts, files, search = name.split("."), [], [str(p) for p in paths]
    stand_ins = []  # a namespace package's path asks sys.modules for its parent: lend it one
    try:
        for i in range(len(parts)):
            dotted = ".".join(parts[: i + 1])
            spec = importlib.machinery.PathFinder.find_spec(dotted, search)
            if spec is None:
                return ModuleNotFoundError
            if spec.has_location:
                files.append(Path(spec.origin))
            if i < len(parts) - 1:
                if spec.submodule_search_locations is None:
                    return ModuleNotFoundError
                search = list(spec.submodule_search_locations)
                parent = types.ModuleType(dotted)
                parent.__path__ = search
                assert dotted not in sys.modules
                sys.modules[dotted] = parent
                stand_ins.append(dotted)
        return files
    finally:
        for dotted in stand_ins:
            del sys.modules[dotted]


def test_resolve_examples(tmp_path):
    """resolve() lists the files import runs: each package's __init__.py, then the module"""
    one, two = tmp_path / "one", tmp_path / "two"
    make_tree(one, ["app/__init__.py", "app/models.py", "util.py", "ns/part_a.py"])
    make_tree(two, ["util.py", "app/views.py", "ns/part_b.py", "extra/__init__.py", "extra/deep/__init__.py",
                    "extra/deep/leaf.py"])
    cases = {
        "app.models": [one / "app/__init__.py", one / "app/models.py"],
        "util": [one / "util.py"],
        "ns.part_b": [two / "ns/part_b.py"],
        "extra.deep.leaf": [two / "extra/__init__.py", two / "extra/deep/__init__.py", two / "extra/deep/leaf.py"],
    }
    modules = set(sys.modules)
    for name, want in cases.items():
        try:
            got = resolve(name, [one, str(two)])
        except ModuleNotFoundError as exc:
            note = " (ns/ has no __init__.py in either path: a namespace package made of both)" if name.startswith("ns") else ""
            pytest.fail(f"resolve({name!r}) raised {exc!r}, but import runs {[str(p) for p in want]}{note}")
        assert type(got) is list and all(isinstance(p, Path) for p in got), f"resolve should return a list of Paths, got {got!r}"
        assert got == want, f"resolve({name!r}) should be {[str(p) for p in want]}, got {[str(p) for p in got]}"
    assert set(sys.modules) == modules, "resolve() must only look, never import"
    assert not list(tmp_path.rglob("__pycache__")), "resolve() must not compile anything"
    for name, missing in [("app.views", "app.views"), ("missing", "missing"), ("util.sub", "util.sub"),
                          ("app.models.x", "app.models.x"), ("nope.deeper", "nope"), ("ns.none", "ns.none")]:
        with pytest.raises(ModuleNotFoundError) as caught:
            resolve(name, [one, two])
            pytest.fail(f"resolve({name!r}) should be a ModuleNotFoundError, as import would be")
        assert caught.value.name == missing, (
            f"resolve({name!r}): the ModuleNotFoundError's .name should be {missing!r}, got {caught.value.name!r}")


def test_resolve_uses_no_finders():
    """resolve() walks the directories itself: no PathFinder, FileFinder or importlib.util.find_spec"""
    with pytest.raises(ModuleNotFoundError):
        resolve("x", [])
    assert_not_used("importlib's finders (resolve shows how they search: do it by hand)",
                    names=["PathFinder", "FileFinder", "find_spec", "import_module", "spec_from_file_location"],
                    attributes=["PathFinder", "FileFinder", "find_spec", "import_module", "path_importer_cache",
                                "spec_from_file_location", "path_hooks", "__import__"])


CANDIDATES = ["a.py", "a/__init__.py", "a/b.py", "a/b/__init__.py", "a/b/c.py", "a/readme.txt", "b.py",
              "b/__init__.py", "b/a.py", "b/a/__init__.py", "a/c/x.txt", "c.py"]
QUERIES = ["a", "b", "c", "a.b", "a.b.c", "b.a", "a.c", "a.c.x"]


@settings(max_examples=60)
@given(st.lists(st.sets(st.sampled_from(CANDIDATES), max_size=6), min_size=1, max_size=3),
       st.sampled_from(QUERIES))
def test_resolve_agrees_with_the_import_system(tmp_path_factory, entries, query):
    """for random trees over several sys.path entries, resolve() agrees with importlib's PathFinder"""
    root = tmp_path_factory.mktemp("syspath")
    paths = []
    for i, files in enumerate(entries):
        entry = root / f"entry{i}"
        entry.mkdir()
        make_tree(entry, files)
        paths.append(entry)
    want = oracle(query, paths)
    layout = {f"entry{i}": sorted(files) for i, files in enumerate(entries)}
    if want is ModuleNotFoundError:
        with pytest.raises(ModuleNotFoundError):
            got = resolve(query, paths)
            pytest.fail(f"with sys.path entries {layout}, import {query} fails, but resolve gave {got}")
    else:
        got = resolve(query, paths)
        assert got == want, (f"with sys.path entries {layout}, import {query} runs "
                             f"{[str(p.relative_to(root)) for p in want]}, resolve gave "
                             f"{[str(p.relative_to(root)) if isinstance(p, Path) else p for p in got]}")
