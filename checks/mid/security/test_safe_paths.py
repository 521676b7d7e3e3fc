import http.client
import os
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pyexercise.checklib import serve_app
from safe_paths import UnsafePath, make_app, safe_join

SECRET = b"TOP-SECRET: the database password is hunter2"
PRIVATE = b"PRIVATE: sibling directory whose name starts like the root's"

# Every file the server must never open, by real path; the audit hook records any open of them.
WATCHED: set[str] = set()
OPENED: list[str] = []
_watch_lock = threading.Lock()


def _audit(event, args):
    if event != "open" or not WATCHED:
        return
    try:
        name = args[0]
        if isinstance(name, int):
            return
        real = os.path.realpath(os.fsdecode(name))
    except Exception:  # noqa: BLE001 - a NUL byte in the name, say: it opened nothing
        return
    if real in WATCHED:
        with _watch_lock:
            OPENED.append(real)


sys.addaudithook(_audit)


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    """tmp/www is the root; tmp/secret.txt and tmp/www-private/ are outside it."""
    top = tmp_path_factory.mktemp("site")
    www = top / "www"
    (www / "docs").mkdir(parents=True)
    (www / "img").mkdir()
    (www / "%2e%2e").mkdir()
    (www / "index.html").write_bytes(b"<h1>home</h1>")
    (www / "docs" / "guide.txt").write_bytes(b"the guide")
    (www / "img" / "logo.png").write_bytes(bytes(range(256)) * 4)
    (www / "..foo").write_bytes(b"dot-dot-foo is an ordinary name")
    (www / "notes..txt").write_bytes(b"two dots inside a name")
    (www / "a b.txt").write_bytes(b"a space")
    (www / "café.txt").write_bytes("unicode name".encode())
    (www / "%2e%2e" / "inside.txt").write_bytes(b"a directory literally named %2e%2e")
    (top / "secret.txt").write_bytes(SECRET)
    (top / "www-private").mkdir()
    (top / "www-private" / "secret.txt").write_bytes(PRIVATE)
    (www / "alias.txt").symlink_to(Path("docs") / "guide.txt")  # inside -> inside: fine
    (www / "escape.txt").symlink_to(top / "secret.txt")  # inside -> outside: refused
    (www / "private-link").symlink_to(Path("..") / "www-private")  # a directory outside
    (www / "loop-a").symlink_to("loop-b")
    (www / "loop-b").symlink_to("loop-a")
    (top / "www-link").symlink_to(www)  # the root reached through a symlink
    WATCHED.update(os.path.realpath(p) for p in (top / "secret.txt", top / "www-private" / "secret.txt",
                                                  "/etc/passwd", "/etc/shadow", "/etc/hostname"))
    return top


@pytest.fixture(scope="module")
def www(tree):
    return tree / "www"


def _resolved(p: Path) -> Path:
    return Path(os.path.realpath(p))


# ---------------------------------------------------------------------------------- safe_join


@pytest.mark.parametrize("user_path, want", [
    ("index.html", "index.html"),
    ("docs/guide.txt", "docs/guide.txt"),
    ("docs/../index.html", "index.html"),
    ("./index.html", "index.html"),
    ("docs//guide.txt", "docs/guide.txt"),
    ("docs/./guide.txt", "docs/guide.txt"),
    ("img/logo.png", "img/logo.png"),
    ("..foo", "..foo"),
    ("notes..txt", "notes..txt"),
    ("a b.txt", "a b.txt"),
    ("café.txt", "café.txt"),
    ("%2e%2e/inside.txt", "%2e%2e/inside.txt"),
    ("alias.txt", "docs/guide.txt"),
    ("docs/../../www/index.html", "index.html"),
    ("missing.txt", "missing.txt"),
    ("", "."),
    (".", "."),
    ("docs/", "docs"),
])
def test_paths_inside_are_joined(www, user_path, want):
    """a path that stays inside the root comes back resolved and absolute"""
    try:
        got = safe_join(www, user_path)
    except UnsafePath as exc:
        pytest.fail(f"safe_join(root, {user_path!r}) refused a path that stays inside the root ({exc}): judge "
                    "where the path leads once resolved, not which characters it contains")
    expected = _resolved(www / want)
    assert isinstance(got, Path), f"safe_join() should return a pathlib.Path, got {type(got).__name__}"
    assert got == expected, (f"safe_join(root, {user_path!r}) should be {expected}: the resolved path, with "
                             f"symlinks followed as Path.resolve() does; got {got}")


def test_base_as_str_and_through_symlink(tree, www):
    """base may be a str, and may itself be a symlink to the real directory"""
    got = safe_join(str(www), "docs/guide.txt")
    assert got == _resolved(www / "docs" / "guide.txt"), f"safe_join(str(root), 'docs/guide.txt') gave {got}"
    got = safe_join(tree / "www-link", "docs/guide.txt")
    assert got == _resolved(www / "docs" / "guide.txt"), (
        "when base is a symlink to the root, 'docs/guide.txt' is still inside it: resolve base as well, "
        f"then compare; got {got}")


def test_relative_base(www, monkeypatch):
    """a relative base works from the current directory"""
    monkeypatch.chdir(www.parent)
    got = safe_join("www", "index.html")
    assert got == _resolved(www / "index.html"), f"safe_join('www', 'index.html') from the parent gave {got}"
    assert got.is_absolute(), "the result should be absolute"


ESCAPES = [
    ("..", "the parent directory"),
    ("../", "the parent directory"),
    ("../secret.txt", "a file next to the root"),
    ("../../../../../../etc/passwd", "many levels up"),
    ("docs/../../secret.txt", "down and then two up"),
    ("docs/../../www-private/secret.txt", "a sibling whose name starts with the root's name"),
    ("../www-private/secret.txt", "a sibling whose name starts with the root's name (startswith() is fooled)"),
    ("escape.txt", "a symlink to a file outside"),
    ("private-link/secret.txt", "a symlinked directory outside"),
    ("private-link", "a symlinked directory outside"),
    ("/etc/passwd", "an absolute path"),
    ("//etc/passwd", "an absolute path with two slashes"),
    ("..\\secret.txt", "a backslash (a separator on Windows)"),
    ("docs\\guide.txt", "a backslash, even where it would be harmless"),
    ("secret.txt\x00.png", "a NUL byte"),
    ("index.html\x00", "a NUL byte at the end"),
]


@pytest.mark.parametrize("user_path, why", ESCAPES)
def test_escapes_refused(www, user_path, why):
    """a path that leads outside the root is UnsafePath (a ValueError)"""
    with pytest.raises(UnsafePath):
        got = safe_join(www, user_path)
        pytest.fail(f"safe_join(root, {user_path!r}) should raise UnsafePath ({why}), but returned {got}")
    assert issubclass(UnsafePath, ValueError), "UnsafePath should subclass ValueError"


def test_absolute_paths_refused(tree, www):
    """an absolute path is refused, even one that names a file inside the root"""
    with pytest.raises(UnsafePath):
        safe_join(www, str(tree / "secret.txt"))
    inside = str(www / "index.html")
    with pytest.raises(UnsafePath):
        got = safe_join(www, inside)
        pytest.fail(f"safe_join(root, {inside!r}) should raise UnsafePath: a URL path is always relative to the "
                    f"root, and an absolute one means someone is probing; got {got}")


def test_symlink_loop_is_harmless(www):
    """a symlink loop is refused, or resolves inside the root: never an unexpected exception"""
    try:
        got = safe_join(www, "loop-a")
    except UnsafePath:
        return
    assert Path(got).is_relative_to(_resolved(www)), f"safe_join(root, 'loop-a') gave {got}, outside the root"


# ---------------------------------------------------------------------------------- the server


@pytest.fixture(scope="module")
def server(www):
    with serve_app(make_app(www)) as url:
        yield urlsplit(url)


def fetch(server, raw_path: str) -> tuple[int, bytes]:
    """GET the raw path exactly as written: http.client sends '..' and '%2e' untouched."""
    conn = http.client.HTTPConnection(server.hostname, server.port, timeout=10)
    try:
        conn.request("GET", raw_path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.mark.parametrize("raw, file", [
    ("/files/index.html", "index.html"),
    ("/files/docs/guide.txt", "docs/guide.txt"),
    ("/files/img/logo.png", "img/logo.png"),
    ("/files/docs/../index.html", "index.html"),
    ("/files/alias.txt", "docs/guide.txt"),
    ("/files/..foo", "..foo"),
    ("/files/notes..txt", "notes..txt"),
    ("/files/a%20b.txt", "a b.txt"),
    ("/files/caf%C3%A9.txt", "café.txt"),
])
def test_serves_files(server, www, raw, file):
    """GET /files/<path> answers 200 with the file's exact bytes"""
    status, body = fetch(server, raw)
    want = (www / file).read_bytes()
    assert status == 200, f"GET {raw} should be 200 (the file {file!r} is inside the root), got {status}"
    assert body == want, f"GET {raw} should answer the {len(want)} bytes of {file!r}, got {body[:60]!r}"


def test_decodes_only_once(server):
    """%252e%252e arrives as the name '%2e%2e': decoding it again would be a second, unsafe decode"""
    status, body = fetch(server, "/files/%252e%252e/inside.txt")
    assert (status, body) == (200, b"a directory literally named %2e%2e"), (
        "GET /files/%252e%252e/inside.txt should serve www/%2e%2e/inside.txt: aiohttp has decoded the path "
        f"once already, and a second unquote() turns %2e%2e into '..'. Got {status} {body[:60]!r}")


@pytest.mark.parametrize("raw", ["/files/missing.txt", "/files/docs", "/files/docs/", "/files/",
                                 "/files/docs/missing/deeper.txt"])
def test_not_found(server, raw):
    """a missing file or a directory is 404"""
    status, _ = fetch(server, raw)
    assert status == 404, f"GET {raw} should be 404 (no such file, or a directory), got {status}"


ATTACKS = [
    # (raw request path, expected status, what it tries)
    ("/files/../secret.txt", 403, "plain ../"),
    ("/files/../../../../../../../../etc/passwd", 403, "../ many times"),
    ("/files/docs/../../secret.txt", 403, "down then up"),
    ("/files/%2e%2e/secret.txt", 403, "%2e%2e (decoded once to ..)"),
    ("/files/%2E%2E/secret.txt", 403, "%2E%2E in upper case"),
    ("/files/.%2e/secret.txt", 403, "half encoded"),
    ("/files/%2e%2e%2fsecret.txt", 403, "an encoded slash too"),
    ("/files/..%2fsecret.txt", 403, "..%2f"),
    ("/files/docs%2f..%2f..%2fsecret.txt", 403, "all slashes encoded"),
    ("/files/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 403, "encoded, many levels"),
    ("/files/..%5csecret.txt", 403, "an encoded backslash"),
    ("/files/..\\secret.txt", 403, "a raw backslash"),
    ("/files/docs\\..\\..\\secret.txt", 403, "backslashes only"),
    ("/files//etc/passwd", 403, "an absolute path (two slashes)"),
    ("/files/%2fetc%2fpasswd", 403, "an encoded absolute path"),
    ("/files/secret.txt%00.png", 403, "a NUL byte"),
    ("/files/../secret.txt%00", 403, "a NUL byte after a traversal"),
    ("/files/%00", 403, "only a NUL byte"),
    ("/files/escape.txt", 403, "a symlink to a file outside"),
    ("/files/private-link/secret.txt", 403, "a symlinked directory outside"),
    ("/files/../www-private/secret.txt", 403, "a sibling directory with the root's name as a prefix"),
    ("/files/%2e%2e/www-private/secret.txt", 403, "the sibling, encoded"),
    ("/files/%252e%252e/secret.txt", 404, "double encoding: only the literal name '%2e%2e' (no such file)"),
    ("/files/%252e%252e%252fsecret.txt", 404, "double encoding with the slash"),
    ("/files/..%252fsecret.txt", 404, "double-encoded slash"),
    ("/files/%c0%ae%c0%ae/secret.txt", 404, "overlong UTF-8 dots (not valid UTF-8: a literal name)"),
    ("/files/..;/secret.txt", 404, "'..;' is a file name here"),
    ("/files/....//secret.txt", 404, "'....' is a file name"),
    ("/files/%EF%BC%8E%EF%BC%8E/secret.txt", 404, "fullwidth dots are just characters"),
]


@pytest.mark.parametrize("raw, want, what", ATTACKS)
def test_traversal_attacks(server, raw, want, what):
    """a traversal payload is refused (403), or names nothing (404); the secret is never read"""
    OPENED.clear()
    status, body = fetch(server, raw)
    assert SECRET not in body and PRIVATE not in body, f"GET {raw} ({what}) returned a file outside the root!"
    assert not OPENED, (f"GET {raw} ({what}) opened {OPENED[0]}, a file outside the root: check the path "
                        "with safe_join before any open()")
    assert status != 500, (f"GET {raw} ({what}) crashed the handler (500): turn UnsafePath into 403, and "
                           "never let a NUL byte or an odd name reach open()")
    assert status == want, f"GET {raw} ({what}) should be {want}, got {status}"


def test_absolute_secret_path(server, tree):
    """the secret's absolute path in the URL is refused"""
    OPENED.clear()
    status, body = fetch(server, "/files/" + str(tree / "secret.txt"))
    assert SECRET not in body and not OPENED, "the secret was read through its absolute path"
    assert status == 403, f"GET /files/{tree / 'secret.txt'} should be 403 (an absolute path), got {status}"


def test_symlink_loop_request(server):
    """a symlink loop is 403 or 404, not a crash"""
    status, _ = fetch(server, "/files/loop-a")
    assert status in (403, 404), f"GET /files/loop-a (a symlink loop) should be 403 or 404, got {status}"


def test_checked_on_every_request(server, tree, www):
    """a symlink planted while the server runs is refused: every request is checked afresh"""
    planted = www / "planted.txt"
    planted.write_bytes(b"harmless for now")
    try:
        status, body = fetch(server, "/files/planted.txt")
        assert (status, body) == (200, b"harmless for now"), f"GET /files/planted.txt should be 200, got {status}"
        planted.unlink()
        planted.symlink_to(tree / "secret.txt")
        OPENED.clear()
        status, body = fetch(server, "/files/planted.txt")
        assert SECRET not in body and not OPENED, (
            "planted.txt became a symlink to the secret while the server ran, and the server read it: "
            "resolve and check on every request, not once at start-up")
        assert status == 403, f"GET /files/planted.txt (now a symlink outside) should be 403, got {status}"
    finally:
        planted.unlink(missing_ok=True)
