"""The import system, from both sides: a finder and loader that import from a dict, and resolve(),
which searches a list of directories the way the standard path finder searches sys.path.

``import a.b`` goes like this: if "a.b" is in sys.modules, that's it. Otherwise "a" is imported
first (running a/__init__.py), then each finder on sys.meta_path is asked find_spec("a.b",
a.__path__) until one returns a ModuleSpec; the import system makes the module from it, puts it
in sys.modules, sets __spec__, __loader__, __package__ and (for a package) __path__, runs the
loader's exec_module(module), and binds the result as attribute "b" of package "a".
"""

from __future__ import annotations

import sys
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Mapping, Sequence

PREFIX = "dict:"  # origins and __path__ entries look like "dict:shop/cart.py", "dict:shop"


class DictFinder(MetaPathFinder, Loader):
    """Serves modules and packages from {"path/like/key.py": source}. A key "shop/__init__.py"
    makes "shop" a package, "shop/cart.py" its module "shop.cart"."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self.sources = sources  # kept, not copied: changes are seen by the next import or reload
        self._loaded: set[str] = set()

    # -- finder -----------------------------------------------------------------------------
    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        tail = fullname.rpartition(".")[2]
        if path is None:  # a top-level import: our root
            folders = [""]
        else:  # a submodule: search the parent's __path__, the entries that are ours
            folders = [entry[len(PREFIX):] for entry in path if entry.startswith(PREFIX)]
        for folder in folders:
            base = f"{folder}/{tail}" if folder else tail
            if f"{base}/__init__.py" in self.sources:  # a package wins over a module, as on disk
                spec = ModuleSpec(fullname, self, origin=f"{PREFIX}{base}/__init__.py")
                spec.submodule_search_locations = [PREFIX + base]  # a package: this becomes its __path__
                return spec
            if f"{base}.py" in self.sources:
                return ModuleSpec(fullname, self, origin=f"{PREFIX}{base}.py")
        # not ours: returning None lets the next finder on sys.meta_path have a turn

    # -- loader (Loader.create_module returns None: the default module object is fine) -------
    def exec_module(self, module: ModuleType) -> None:
        origin = module.__spec__.origin
        source = self.sources[origin[len(PREFIX):]]  # read now, so importlib.reload sees a change
        # compiled under the origin's name: tracebacks, inspect and linecache find it, and ask
        # get_source() for the text (the module's __loader__ is us)
        code = compile(source, origin, "exec")
        self._loaded.add(module.__name__)
        exec(code, module.__dict__)

    def get_source(self, fullname: str) -> str:
        spec = getattr(sys.modules.get(fullname), "__spec__", None)
        if spec is None or spec.loader is not self:
            raise ImportError(f"{fullname!r} was not loaded by this finder", name=fullname)
        return self.sources[spec.origin[len(PREFIX):]]

    # -- installing -------------------------------------------------------------------------
    def install(self) -> DictFinder:
        if self not in sys.meta_path:
            sys.meta_path.insert(0, self)  # first: our modules win over files of the same name
        return self

    def uninstall(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)  # only ourselves: others may have been added since
        for name in self._loaded:
            module = sys.modules.get(name)
            if module is not None and getattr(module.__spec__, "loader", None) is self:
                del sys.modules[name]
        self._loaded.clear()

    def __enter__(self) -> DictFinder:
        return self.install()

    def __exit__(self, *exc_info: object) -> None:
        self.uninstall()


def resolve(name: str, paths: Sequence[str | Path]) -> list[Path]:
    """The files ``import name`` would run, in order, with ``paths`` as sys.path.

    Each part of the dotted name is looked for in every directory of the search path in turn;
    in one directory a package (part/__init__.py) wins over a module (part.py). A directory
    without __init__.py is only a namespace package "portion": it counts if no directory of the
    search path has a real package or module by that name, and then all the portions together
    are searched for the next part, and no file runs for it. The next part is searched in the
    package's directory (its __path__)."""
    parts = name.split(".")
    search = [Path(p) for p in paths]
    executed: list[Path] = []
    for i, part in enumerate(parts):
        dotted = ".".join(parts[: i + 1])
        found: tuple[Path, list[Path] | None] | None = None
        portions: list[Path] = []
        for entry in search:
            folder = entry / part
            if (folder / "__init__.py").is_file():
                found = (folder / "__init__.py", [folder])
                break
            if (entry / f"{part}.py").is_file():
                found = (entry / f"{part}.py", None)
                break
            if folder.is_dir():
                portions.append(folder)  # remember, but keep looking for a real one
        if found is not None:
            file, search_next = found
            executed.append(file)
        elif portions:
            search_next = portions
        else:
            raise ModuleNotFoundError(f"No module named {dotted!r}", name=dotted)
        search = search_next or []  # a plain module has no search path: nothing can be below it
    return executed
