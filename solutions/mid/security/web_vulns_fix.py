"""The guestbook, fixed: parameterised SQL, an autoescaped template, and CSRF tokens."""

from __future__ import annotations

import contextlib
import hmac
import secrets
import sqlite3
from typing import Iterator
from urllib.parse import urlsplit

from flask import Flask, abort, jsonify, redirect, request, session

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, email TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys (user_id INTEGER NOT NULL REFERENCES users(id), key TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS comments (
    id INTEGER PRIMARY KEY,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    website TEXT NOT NULL DEFAULT ''
);
"""

# {{ }} escapes & < > " and ': no user value can open a tag or leave an attribute.
PAGE = """<!doctype html>
<html><head><title>Guestbook</title></head><body>
<h1>Guestbook</h1>
<ul>
{% for c in comments %}
  <li>
    {% if c.link %}<a href="{{ c.link }}" title="{{ c.author }}">{{ c.author }}</a>{% else %}{{ c.author }}{% endif %}:
    <p>{{ c.body }}</p>
    <form method="post" action="/comments/{{ c.id }}/delete">
      <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
      <button>delete</button>
    </form>
  </li>
{% endfor %}
</ul>
<form method="post" action="/comments">
  <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
  <input name="author" value="{{ remembered }}">
  <input name="website" placeholder="https://...">
  <textarea name="body"></textarea>
  <button>Post</button>
</form>
</body></html>"""


def init_db(db_path: str) -> None:
    """Create the tables (a constant script: this executescript is fine)."""
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        db.executescript(SCHEMA)


def safe_url(url: str) -> str | None:
    """``url`` if it is an http(s) URL, else None. Escaping cannot make javascript: harmless:
    the scheme itself must be checked. urlsplit drops the tabs and newlines that browsers ignore
    too, so java<TAB>script: is recognised."""
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def create_app(db_path: str, secret_key: bytes | None = None) -> Flask:
    app = Flask(__name__)
    app.secret_key = secret_key or secrets.token_bytes()  # 32 random bytes
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")

    # compiled once; Flask's environment autoescapes templates made from strings
    page = app.jinja_env.from_string(PAGE)

    @contextlib.contextmanager
    def connect() -> Iterator[sqlite3.Connection]:
        # closed afterwards; `with db` commits, or rolls back on an exception
        with contextlib.closing(sqlite3.connect(db_path)) as db, db:
            yield db

    def csrf_token() -> str:
        if "csrf_token" not in session:
            session["csrf_token"] = secrets.token_urlsafe()  # 32 random bytes
        return session["csrf_token"]

    @app.before_request
    def check_csrf():
        if request.method == "POST":
            sent = request.form.get("csrf_token")
            expected = session.get("csrf_token")
            if not (sent and expected and hmac.compare_digest(sent.encode(), expected.encode())):
                abort(403)

    @app.get("/users")
    def find_users():
        with connect() as db:
            rows = db.execute("SELECT name, email FROM users WHERE name = ?", (request.args.get("name", ""),))
            return jsonify([{"name": n, "email": e} for n, e in rows])

    @app.get("/")
    def guestbook():
        with connect() as db:
            rows = db.execute("SELECT id, author, body, website FROM comments ORDER BY id").fetchall()
        comments = [{"id": i, "author": a, "body": b, "link": safe_url(w)} for i, a, b, w in rows]
        return page.render(comments=comments, csrf_token=csrf_token(), remembered=session.get("author", ""))

    @app.post("/comments")
    def add_comment():
        author = request.form.get("author", "")
        body = request.form.get("body", "")
        website = request.form.get("website", "")
        if not author or not body or (website and safe_url(website) is None):
            abort(400)
        with connect() as db:
            db.execute("INSERT INTO comments (author, body, website) VALUES (?, ?, ?)", (author, body, website))
        session["author"] = author
        return redirect("/", code=303)

    @app.post("/comments/<int:comment_id>/delete")
    def delete_comment(comment_id: int):
        with connect() as db:
            db.execute("DELETE FROM comments WHERE id = ?", (comment_id,))
        return redirect("/", code=303)

    return app
