"""The guestbook is served for real (werkzeug on 127.0.0.1) and attacked with requests."""

import ast
import contextlib
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup
from werkzeug.serving import make_server

from pyexercise.checklib import target_source
from web_vulns_fix import create_app, init_db

logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log in the learner's output

USERS = [("alice", "alice@example.com"), ("bob", "bob@example.com"), ("O'Brien", "ob@example.com")]
API_KEYS = ["sk_live_4f9a8b7c6d5e", "sk_live_0123456789ab"]


class Site:
    """One check's guestbook: a fresh database, the learner's app, a browser-like session."""

    def __init__(self, base: str, db_path: str, app) -> None:
        self.base = base
        self.db_path = db_path
        self.app = app
        self.browser = requests.Session()
        self._tokens: dict[int, str] = {}

    def get(self, path: str, client: requests.Session | None = None, **kw) -> requests.Response:
        return (client or self.browser).get(self.base + path, allow_redirects=False, timeout=10, **kw)

    def post(self, path: str, data: dict, client: requests.Session | None = None) -> requests.Response:
        return (client or self.browser).post(self.base + path, data=data, allow_redirects=False, timeout=10)

    def page(self, client: requests.Session | None = None) -> BeautifulSoup:
        response = self.get("/", client)
        assert response.status_code == 200, f"GET / should be 200, got {response.status_code}"
        return BeautifulSoup(response.text, "html.parser")

    def token(self, client: requests.Session | None = None) -> str:
        """The CSRF token the page gives this client, as a browser would read it from the form."""
        soup = self.page(client)
        field = soup.find("form", action="/comments") and soup.find("form", action="/comments").find(
            "input", attrs={"name": "csrf_token"})
        assert field is not None and field.get("value"), (
            "the form posting to /comments should contain <input type=\"hidden\" name=\"csrf_token\" value=\"...\">")
        return field["value"]

    def cached_token(self, client: requests.Session | None = None) -> str:
        """The token of this client's session, read from the page once."""
        key = id(client or self.browser)
        if key not in self._tokens:
            self._tokens[key] = self.token(client)
        return self._tokens[key]

    def comment(self, author: str, body: str, website: str = "", client=None) -> requests.Response:
        data = {"author": author, "body": body, "website": website, "csrf_token": self.cached_token(client)}
        return self.post("/comments", data, client)

    def rows(self, table: str = "comments") -> list[tuple]:
        with contextlib.closing(sqlite3.connect(self.db_path)) as db:
            return db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()

    def tables(self) -> set[str]:
        with contextlib.closing(sqlite3.connect(self.db_path)) as db:
            return {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


@pytest.fixture(scope="module")
def db_folder(tmp_path_factory):
    """Where the databases live: the run's own folder, which pyex removes whatever happens."""
    return tmp_path_factory.mktemp("guestbook")


@pytest.fixture(scope="module")
def seeded_db(db_folder):
    """The database every test starts from (made with your init_db), copied for each test."""
    folder = db_folder
    seed = str(folder / "seed.db")
    init_db(seed)
    with contextlib.closing(sqlite3.connect(seed)) as db, db:
        db.executemany("INSERT INTO users (name, email) VALUES (?, ?)", USERS)
        db.executemany("INSERT INTO api_keys (user_id, key) VALUES (?, ?)", [(1, API_KEYS[0]), (2, API_KEYS[1])])
        db.execute("INSERT INTO comments (author, body, website) VALUES ('alice', 'First!', 'https://alice.example')")
    return seed, str(folder / "guestbook.db")


@pytest.fixture(scope="module")
def served(seeded_db):
    """Your app, served for real by werkzeug on 127.0.0.1 for the whole module."""
    seed, db_path = seeded_db
    shutil.copyfile(seed, db_path)
    app = create_app(db_path)
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", app
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.fixture
def site(served, seeded_db):
    """A fresh copy of the seeded database under the running app, and a new browser."""
    base, app = served
    seed, db_path = seeded_db
    shutil.copyfile(seed, db_path)  # the app opens the file per request: it sees the fresh copy
    site = Site(base, db_path, app)
    yield site
    site.browser.close()


# ------------------------------------------------------------------------------ the source


def _sql_calls(tree):
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("execute", "executemany", "executescript") and node.args):
            yield node


def _built_text(node) -> bool:
    for part in ast.walk(node):
        if isinstance(part, ast.JoinedStr) or (isinstance(part, ast.BinOp) and isinstance(part.op, (ast.Add, ast.Mod))):
            return True
        if isinstance(part, ast.Call) and isinstance(part.func, ast.Attribute) and part.func.attr == "format":
            return True
    return False


def test_queries_are_parameterised(site):
    """no SQL is built from strings: every query uses ? placeholders"""
    tree = ast.parse(target_source())
    built = [f"line {c.lineno}: {ast.unparse(c)[:80]}" for c in _sql_calls(tree) if _built_text(c.args[0])]
    assert not built, ("these queries are built with an f-string, + or %: pass the values separately, "
                       "db.execute('... WHERE name = ?', (name,)):\n" + "\n".join(built))
    scripts = [f"line {c.lineno}" for c in _sql_calls(tree) if c.func.attr == "executescript"
               and not (isinstance(c.args[0], ast.Name) and c.args[0].id == "SCHEMA")]
    assert not scripts, ("executescript() runs several statements, which is how '; DROP TABLE gets in: "
                         f"use execute() with placeholders ({', '.join(scripts)})")


def test_tokens_compared_in_constant_time(site):
    """CSRF tokens are compared with hmac.compare_digest"""
    uses_it = "compare_digest" in target_source()
    assert uses_it, (
        "compare the CSRF token with hmac.compare_digest(sent, expected), not ==: == returns sooner the "
        "sooner the strings differ, and that timing leaks the token")


# ------------------------------------------------------------------------------ features


def test_search_finds_users(site):
    """GET /users?name=alice answers the matching user as JSON"""
    r = site.get("/users", params={"name": "alice"})
    assert r.status_code == 200, f"GET /users?name=alice should be 200, got {r.status_code}"
    assert r.json() == [{"name": "alice", "email": "alice@example.com"}], f"GET /users?name=alice gave {r.text!r}"
    r = site.get("/users", params={"name": "carol"})
    assert r.json() == [], f"no user is called carol: the answer should be [], got {r.text!r}"


def test_search_with_an_apostrophe(site):
    """a name with an apostrophe is found too (pasted into SQL it breaks the query)"""
    r = site.get("/users", params={"name": "O'Brien"})
    assert r.status_code == 200, f"GET /users?name=O'Brien should be 200, got {r.status_code}"
    assert r.json() == [{"name": "O'Brien", "email": "ob@example.com"}], f"searching O'Brien gave {r.text!r}"


def test_post_and_list_comments(site):
    """a comment posted through the form is listed, in order, with its website linked"""
    r = site.comment("bob", "Nice page", "https://bob.example/home")
    assert r.status_code == 303 and r.headers.get("Location", "").endswith("/"), (
        f"POST /comments should redirect (303) to /, got {r.status_code} {r.headers.get('Location')}")
    r = site.comment("carol", "Hello from carol")
    assert r.status_code == 303, f"a comment without a website is fine: expected 303, got {r.status_code}"
    items = site.page().find_all("li")
    texts = [li.get_text(" ", strip=True) for li in items]
    assert len(items) == 3, f"the page should list 3 comments, found {len(items)}: {texts}"
    assert "First!" in texts[0] and "Nice page" in texts[1] and "Hello from carol" in texts[2], (
        f"comments should be listed in the order they were posted, got {texts}")
    links = [a["href"] for a in items[1].find_all("a", href=True)]
    assert "https://bob.example/home" in links, f"bob's name should link to his website, found links {links}"
    assert not [a for a in items[2].find_all("a", href=True) if "delete" not in a["href"]], (
        "carol gave no website: her name should not be a link")
    assert site.rows()[1][1:] == ("bob", "Nice page", "https://bob.example/home"), f"stored: {site.rows()}"


def test_form_remembers_author(site):
    """after posting, the form is prefilled with the author's name (empty for a new visitor)"""
    field = site.page().find("form", action="/comments").find("input", attrs={"name": "author"})
    assert field is not None and not field.get("value"), (
        f"a new visitor has posted nothing yet: the author field should be empty, got {field}")
    site.comment("dora", "hi")
    field = site.page().find("form", action="/comments").find("input", attrs={"name": "author"})
    assert field is not None and field.get("value") == "dora", (
        f"after dora posts, the author field should have value 'dora', got {field}")


def test_website_is_optional(site):
    """a form without the website field at all posts fine"""
    r = site.post("/comments", {"author": "carol", "body": "no website", "csrf_token": site.cached_token()})
    assert r.status_code == 303, f"a POST without a website field should be accepted (303), got {r.status_code}"
    assert site.rows()[-1][1:] == ("carol", "no website", ""), f"stored: {site.rows()[-1]}"


@pytest.mark.parametrize("data, why", [
    ({"author": "", "body": "text", "website": ""}, "an empty author"),
    ({"author": "eve", "body": "", "website": ""}, "an empty body"),
    ({"body": "text"}, "no author field at all"),
    ({"author": "eve"}, "no body field at all"),
])
def test_empty_fields_refused(site, data, why):
    """a comment without an author or a body is 400 and is not stored"""
    r = site.post("/comments", {**data, "csrf_token": site.cached_token()})
    assert r.status_code == 400, f"{why} should be answered 400, got {r.status_code}"
    assert len(site.rows()) == 1, "a refused comment must not be stored"


def test_delete_comment(site):
    """the delete button (a POST with the token) removes the comment"""
    site.comment("bob", "to be deleted")
    soup = site.page()
    form = soup.find("form", action="/comments/2/delete")
    assert form is not None and (form.get("method") or "").lower() == "post", (
        "each comment needs a delete form: <form method=\"post\" action=\"/comments/ID/delete\"> with the token")
    token = form.find("input", attrs={"name": "csrf_token"})
    assert token is not None, "the delete form needs the hidden csrf_token input too"
    r = site.post("/comments/2/delete", {"csrf_token": token["value"]})
    assert r.status_code == 303 and r.headers.get("Location", "").endswith("/"), (
        f"POST /comments/2/delete with the token should redirect (303) to /, got {r.status_code} "
        f"{r.headers.get('Location')}")
    assert [row[0] for row in site.rows()] == [1], f"comment 2 should be gone, the table holds {site.rows()}"


# ------------------------------------------------------------------------------ SQL injection


@pytest.mark.parametrize("payload, why", [
    ("' OR '1'='1", "the classic: makes the WHERE clause always true"),
    ("' OR 1=1 --", "always true, rest commented out"),
    ("alice' --", "comments out the rest of the query"),
    ("' UNION SELECT key, key FROM api_keys --", "UNION reads another table"),
    ("x' UNION SELECT name, sql FROM sqlite_master --", "UNION reads the schema"),
    ("'; DROP TABLE users; --", "a stacked statement"),
    ("\" OR \"\"=\"", "double quotes"),
])
def test_search_injection(site, payload, why):
    """SQL injection in the search is just a name that nobody has"""
    r = site.get("/users", params={"name": payload})
    assert r.status_code == 200, (f"GET /users?name={payload} ({why}) should be 200 with [], got {r.status_code}: "
                                  "pass the name as a parameter and it is only ever a value")
    assert r.json() == [], f"GET /users?name={payload} ({why}) should find nobody, got {r.text[:200]!r}"
    for key in API_KEYS:
        assert key not in r.text, f"GET /users?name={payload} leaked an API key!"
    assert {"users", "api_keys", "comments"} <= site.tables(), f"the payload {payload!r} dropped a table"


@pytest.mark.parametrize("author, body", [
    ("x', 'y', ''); DROP TABLE comments; --", "stacked"),
    ("eve", "'); DELETE FROM comments; --"),
    ("eve", "x'); UPDATE users SET email = 'eve@evil.example'; --"),
    ("Robert'); DROP TABLE users;--", "little Bobby Tables"),
])
def test_comment_injection(site, author, body):
    """an injection in a comment is stored literally; no table or row is lost"""
    users_before = site.rows("users")
    r = site.comment(author, body)
    assert r.status_code == 303, f"posting author={author!r} body={body!r} should work (303), got {r.status_code}"
    assert {"users", "api_keys", "comments"} <= site.tables(), (
        f"posting author={author!r} dropped a table: use execute() with placeholders, never executescript")
    assert site.rows("users") == users_before, "posting a comment changed the users table"
    rows = site.rows()
    assert rows[0][1:] == ("alice", "First!", "https://alice.example"), f"the first comment was changed: {rows}"
    assert len(rows) == 2 and rows[1][1:3] == (author, body), (
        f"the comment should be stored exactly as typed, ({author!r}, {body!r}); the table holds {rows}")


# ------------------------------------------------------------------------------ XSS


def assert_inert(soup: BeautifulSoup, what: str) -> None:
    scripts = soup.find_all("script")
    assert not scripts, f"{what}: the page has a <script> element: {scripts[0]!s:.100}. Escape user data"
    for tag in soup.find_all(True):
        handlers = [a for a in tag.attrs if a.lower().startswith("on")]
        assert not handlers, (f"{what}: <{tag.name}> has the event handler attribute {handlers[0]}= "
                              f"({str(tag)[:120]}): a quote in user data broke out of an attribute")
        assert tag.name not in ("img", "svg", "iframe", "object", "embed", "math", "video"), (
            f"{what}: the page has an <{tag.name}> element made from user data: {str(tag)[:120]}")
        for attr in ("href", "src", "action", "formaction", "xlink:href"):
            value = re.sub(r"[\x00-\x20]", "", str(tag.get(attr, ""))).lower()  # what a browser ignores
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (
                f"{what}: <{tag.name} {attr}={tag.get(attr)!r}> runs code when clicked: link only http(s) URLs")


BODIES = [
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "</p><script>alert(1)</script><p>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "</textarea><script>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "\"><script>alert(1)</script>",
]


def test_xss_in_body(site):
    """HTML in a comment is shown as text, not run"""
    for body in BODIES:
        assert site.comment("mallory", body).status_code == 303, f"posting the comment {body!r} should work (303)"
    soup = site.page()
    assert_inert(soup, "comments full of HTML")
    text = soup.get_text()
    for body in BODIES:
        assert body in text, (f"the comment {body!r} should be shown exactly as typed, as text (escaped), "
                              "not removed or altered")


AUTHORS = [
    "\"><script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus='",
    "\"><img src=x onerror=alert(1)>",
    "<b onclick=alert(1)>mallory</b>",
]


def test_xss_in_author(site):
    """an author name cannot break out of the link, its title or the prefilled form field"""
    for author in AUTHORS:
        r = site.comment(author, "hello", "https://mallory.example")
        assert r.status_code == 303, f"posting as {author!r} should work (303), got {r.status_code}"
        soup = site.page()
        assert_inert(soup, f"the author {author!r}")
        assert author in soup.get_text(), f"the author {author!r} should be shown exactly as typed"
        field = soup.find("form", action="/comments").find("input", attrs={"name": "author"})
        assert field is not None and field.get("value") == author, (
            f"the author field should be prefilled with exactly {author!r}, got {field and field.get('value')!r}")
        link = soup.find("a", href="https://mallory.example")
        assert link is not None, "the author should link to https://mallory.example"


BAD_WEBSITES = [
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "javascript://https://ok.example/%0aalert(1)",
    "javascript:alert('http://')",
    "//evil.example/",
    "ftp://files.example/",
    "alice.example",
]


def test_bad_website_refused(site):
    """a website that is not an http(s) URL is 400 and not stored"""
    for website in BAD_WEBSITES:
        r = site.comment("mallory", "hi", website)
        assert r.status_code == 400, f"website={website!r} is not an http(s) URL: POST should be 400, got {r.status_code}"
        assert len(site.rows()) == 1, f"website={website!r} was refused, so nothing should be stored"


def test_attribute_breakout_in_website(site):
    """an http URL with quotes in it stays one harmless href"""
    url = "https://x.example/\" onmouseover=\"alert(1)"
    assert site.comment("mallory", "hi", url).status_code == 303, "an https URL should be accepted (303)"
    soup = site.page()
    assert_inert(soup, f"the website {url!r}")
    assert soup.find("a", href=url) is not None, f"the link's href should be exactly {url!r}"


def test_stored_xss_already_in_database(site):
    """rows stored before the fix are rendered harmless too: no javascript: link, no markup"""
    with contextlib.closing(sqlite3.connect(site.db_path)) as db, db:
        db.execute("INSERT INTO comments (author, body, website) VALUES (?, ?, ?)",
                   ("old", "<script>steal()</script>", "javascript:alert(document.cookie)"))
        db.execute("INSERT INTO comments (author, body, website) VALUES (?, ?, ?)",
                   ("older", "fine", " JAVASCRIPT:alert(1)"))
    soup = site.page()
    assert_inert(soup, "a row stored before the fix")
    assert "<script>steal()</script>" in soup.get_text(), "the old comment should still be shown, as text"
    assert "old" in soup.get_text(), "the author of an old comment should still be shown (without a link)"


# ------------------------------------------------------------------------------ CSRF


def test_post_without_token(site):
    """a POST without the CSRF token is 403 and stores nothing"""
    site.token()  # the browser has a session
    r = site.post("/comments", {"author": "eve", "body": "forged", "website": ""})
    assert r.status_code == 403, f"POST /comments without csrf_token should be 403, got {r.status_code}"
    assert len(site.rows()) == 1, "a forged comment was stored"


def test_post_with_wrong_token(site):
    """a POST with a made-up or empty token is 403"""
    real = site.token()
    for token in ("", "x", real[:-1], real + "x", real.upper() if real.upper() != real else real.lower()):
        r = site.post("/comments", {"author": "eve", "body": "forged", "website": "", "csrf_token": token})
        assert r.status_code == 403, f"csrf_token={token!r} is not this session's token: expected 403, got {r.status_code}"
    assert len(site.rows()) == 1, "a forged comment was stored"


def test_token_of_another_session(site):
    """the attacker's own valid token does not work in the victim's session"""
    attacker = requests.Session()
    attacker_token = site.token(attacker)
    site.token()  # the victim's session exists
    r = site.post("/comments", {"author": "eve", "body": "forged", "website": "", "csrf_token": attacker_token})
    assert r.status_code == 403, (f"a token issued to another session should be 403 here, got {r.status_code}: "
                                  "keep the token in the session and compare with that one")
    fresh = requests.Session()
    r = site.post("/comments", {"author": "eve", "body": "forged", "csrf_token": attacker_token}, client=fresh)
    assert r.status_code == 403, f"a client with no session at all should get 403, got {r.status_code}"
    assert len(site.rows()) == 1, "a forged comment was stored"
    attacker.close()
    fresh.close()


def test_token_stays_valid(site):
    """the token stays the same for the session: a form in an older tab still posts"""
    first = site.token()
    second = site.token()
    assert first == second, "viewing the page again changed the token: keep one token per session"
    r = site.post("/comments", {"author": "bob", "body": "from the first tab", "csrf_token": first})
    assert r.status_code == 303, f"the session's token should be accepted, got {r.status_code}"


def test_tokens_are_random(site):
    """each session gets its own unpredictable token"""
    tokens = {site.token(requests.Session()) for _ in range(5)}
    assert len(tokens) == 5, f"five sessions got only {len(tokens)} different tokens: draw each from secrets"
    assert min(len(t) for t in tokens) >= 16, f"a token like {min(tokens, key=len)!r} is too short to be unguessable"


def test_delete_needs_token(site):
    """deleting without the token, or by GET, is refused and deletes nothing"""
    site.token()
    r = site.post("/comments/1/delete", {})
    assert r.status_code == 403, f"POST /comments/1/delete without the token should be 403, got {r.status_code}"
    r = site.get("/comments/1/delete")
    assert r.status_code == 405, (f"GET /comments/1/delete should be 405: a GET that deletes can be triggered by an "
                                  f"<img> on any page; got {r.status_code}")
    assert len(site.rows()) == 1, "comment 1 was deleted by a forged request"


def test_session_cookie_flags(site):
    """the session cookie is HttpOnly and SameSite=Lax or Strict"""
    r = site.get("/")
    cookies = r.raw.headers.getlist("Set-Cookie")
    assert cookies, "GET / should set the session cookie that holds the CSRF token"
    for cookie in cookies:
        attrs = {part.strip().split("=")[0].lower(): part.strip().partition("=")[2] for part in cookie.split(";")[1:]}
        assert "httponly" in attrs, f"the cookie {cookie!r} should be HttpOnly: then a script cannot read it"
        assert attrs.get("samesite", "").lower() in ("lax", "strict"), (
            f"the cookie {cookie!r} should have SameSite=Lax (or Strict): then other sites' forms do not send it")


def test_secret_key(site, tmp_path):
    """the secret key is random unless given (a known key lets anyone forge a session)"""
    keys = [create_app(site.db_path).secret_key for _ in range(2)]
    assert keys[0] != keys[1], "two apps got the same secret key: make it fresh random bytes (secrets.token_bytes)"
    assert all(k and len(k) >= 32 for k in keys), (f"a secret key of {len(keys[0] or '')} bytes is too short: "
                                                   "use 32 random bytes")
    given = b"k" * 32
    assert create_app(site.db_path, secret_key=given).secret_key == given, "create_app(..., secret_key=K) should use K"
