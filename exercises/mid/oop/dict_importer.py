"""How Python's import system works, from both sides: serve modules from a dict, and trace sys.path.

``import shop.cart`` goes like this. If "shop.cart" is in ``sys.modules``, that is the answer.
Otherwise "shop" is imported first (which runs shop/__init__.py: package initialisation), then
each finder on ``sys.meta_path`` is asked ``find_spec("shop.cart", shop.__path__)`` until one
returns a ``ModuleSpec``. The import system makes the module from the spec, puts it in
sys.modules, sets __spec__, __loader__, __package__ and, for a package, __path__ (from the
spec's submodule_search_locations), calls the loader's ``exec_module(module)``, and binds the
module as the attribute "cart" of "shop". The standard path finder answers by searching the
folders of sys.path.

Part 1: ``DictFinder(sources)``, a meta path finder that is its own loader, serving sources
from a dict of file-like keys:

    >>> sources = {"shop/__init__.py": "from .cart import Cart\\n",
    ...            "shop/cart.py": "class Cart: pass\\n", "greet.py": "HELLO = 'hi'\\n"}
    >>> with DictFinder(sources):
    ...     import shop.cart, greet
    ...     shop.__path__, shop.cart.__spec__.origin, greet.HELLO
    (['dict:shop'], 'dict:shop/cart.py', 'hi')

- "NAME.py" is a module; "NAME/__init__.py" makes NAME a package (it wins over NAME.py); a
  folder without __init__.py is not importable. Submodules are found through the parent's
  ``__path__`` (a list of "dict:FOLDER" entries), never by guessing from the name.
- ``find_spec(fullname, path, target=None)`` returns a ModuleSpec with ``origin`` "dict:KEY",
  the finder as ``loader``, and for a package ``submodule_search_locations`` ["dict:FOLDER"];
  None for names it doesn't have (so other imports carry on as usual).
- ``exec_module(module)`` compiles the source with the origin as its filename (so tracebacks
  and SyntaxErrors point at "dict:KEY") and runs it in the module's namespace. It reads the
  dict at that moment: the finder keeps the dict it was given, so after a change
  ``importlib.reload(module)`` runs the new source. ``get_source(fullname)`` returns the source
  of a module this finder loaded (tracebacks and inspect.getsource use it), and raises
  ImportError for any other name. Relative imports must work.
- ``install()`` puts the finder first on sys.meta_path (once, however often it is called) and
  returns it; ``uninstall()`` removes it, and only it, and removes the modules it loaded from
  sys.modules. As a context manager it installs on entry and uninstalls on exit.

Part 2: ``resolve(name, paths)``, the files ``import name`` would run with ``paths`` as
sys.path, in order, as a list of Paths: each package's __init__.py, then the module's file.
Search by hand (no importlib finders) and only look: never import or run anything. The rules
of the path finder, for .py files:
- For each part of the dotted name, the folders of the search path are tried in order; in one
  folder a package (PART/__init__.py) wins over a module (PART.py); the first folder that has
  either wins.
- A folder PART/ without __init__.py is a namespace package portion: it is used only if no
  folder of the search path has a package or module PART. All portions together are then
  searched for the next part, and no file runs for the namespace package itself.
- The next part is searched in the package's folder. A missing part, or a part below a plain
  module, is a ModuleNotFoundError whose ``.name`` is the dotted name not found ("app.nothing"),
  as import sets it.

    >>> resolve("app.models", ["/srv/one", "/srv/two"])
    [PosixPath('/srv/one/app/__init__.py'), PosixPath('/srv/one/app/models.py')]
"""

from __future__ import annotations

from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Mapping, Sequence

PREFIX = "dict:"  # origins and __path__ entries look like "dict:shop/cart.py", "dict:shop"


class DictFinder(MetaPathFinder, Loader):
    """Serves modules and packages from {"path/like/key.py": source}."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        raise NotImplementedError

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        raise NotImplementedError

    def exec_module(self, module: ModuleType) -> None:
        raise NotImplementedError

    def get_source(self, fullname: str) -> str:
        raise NotImplementedError

    def install(self) -> DictFinder:
        raise NotImplementedError

    def uninstall(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> DictFinder:
        raise NotImplementedError

    def __exit__(self, *exc_info: object) -> None:
        raise NotImplementedError


def resolve(name: str, paths: Sequence[str | Path]) -> list[Path]:
    """The files ``import name`` would run, in order, with ``paths`` as sys.path."""
    raise NotImplementedError
