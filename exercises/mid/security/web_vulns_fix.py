"""A small Flask guestbook with three classic vulnerabilities in it: find them and fix them.

The app below works, and an attacker would love it:

- SQL injection. Queries are built by pasting user input into SQL text. A search for
  ' OR '1'='1 lists every user, ' UNION SELECT key, key FROM api_keys -- leaks the API keys,
  and an author named  x', 'y', ''); DROP TABLE comments; --  deletes the guestbook (the insert
  runs with executescript, which happily runs several statements).
- Stored cross-site scripting (XSS). Comments are pasted into the HTML as they are, so a comment
  <script>...</script> runs in every visitor's browser; so does <img src=x onerror=...>, an
  author " onmouseover="..." that breaks out of an attribute, and a website javascript:...
- Cross-site request forgery (CSRF). Any page on the internet can make your browser POST a
  comment here, or delete one with a mere <img src=".../comments/1/delete">: the app cannot
  tell a form it served from a forged one. The hard-coded secret key lets anyone forge a
  session, and the session cookie can be read by scripts and is sent along cross-site.

Fix all of it, keeping every feature as it is. What the check will hold you to:

- Every query is parameterised: placeholders (?) and the values passed separately, never SQL
  built with f-strings, +, % or .format(), and never executescript() with user input. Hostile
  input is then just data: it is stored and shown exactly as typed.
- The page escapes everything that came from users (Flask's render_template_string with {{ }}
  escapes for you), and it contains no scripts of its own. A website must be an http:// or
  https:// URL: POST /comments answers 400 for anything else, and rows already in the database
  with another scheme (stored before your fix) are shown without a link.
- Every form carries a hidden <input name="csrf_token">: a random token (from secrets), one per
  session and kept in it. A POST without it, or with any other token, is 403 and changes nothing;
  compare tokens with hmac.compare_digest. Deleting is POST only.
- The secret key is secret_key when given, else 32 fresh random bytes; the session cookie is
  HttpOnly and SameSite=Lax (or Strict).

The features (keep them): GET /users?name=N answers a JSON list of {"name", "email"} of the users
with exactly that name; GET / shows the comments in the order they were posted (author, linked to
their website if they gave one, and the text), a form to post one that remembers the author's
name from their last post, and a delete button per comment; POST /comments (author, body,
website optional) and POST /comments/<id>/delete redirect (303) back to /. An empty author or
body is 400.

Remove the `raise NotImplementedError` line in create_app once you have fixed the app.
"""

from __future__ import annotations

import sqlite3

from flask import Flask, jsonify, redirect, request, session

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


def init_db(db_path: str) -> None:
    """Create the tables (a constant script: this executescript is fine)."""
    with sqlite3.connect(db_path) as db:
        db.executescript(SCHEMA)


def create_app(db_path: str, secret_key: bytes | None = None) -> Flask:
    """The guestbook application, storing its data in the SQLite file ``db_path``."""
    raise NotImplementedError("fix the vulnerabilities in create_app, then delete this line")

    app = Flask(__name__)
    app.secret_key = "dev"
    app.config["SESSION_COOKIE_HTTPONLY"] = False

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(db_path)

    @app.get("/users")
    def find_users():
        name = request.args.get("name", "")
        with connect() as db:
            rows = db.execute(f"SELECT name, email FROM users WHERE name = '{name}'").fetchall()
        return jsonify([{"name": n, "email": e} for n, e in rows])

    @app.get("/")
    def guestbook():
        with connect() as db:
            rows = db.execute("SELECT id, author, body, website FROM comments ORDER BY id").fetchall()
        items = []
        for comment_id, author, body, website in rows:
            who = f'<a href="{website}" title="{author}">{author}</a>' if website else author
            items.append(f"<li>{who}: <p>{body}</p>"
                         f'<a href="/comments/{comment_id}/delete">delete</a></li>')
        remembered = session.get("author", "")
        return f"""<!doctype html>
<html><head><title>Guestbook</title></head><body>
<h1>Guestbook</h1>
<ul>{"".join(items)}</ul>
<form method="post" action="/comments">
  <input name="author" value="{remembered}">
  <input name="website" placeholder="https://...">
  <textarea name="body"></textarea>
  <button>Post</button>
</form>
</body></html>"""

    @app.post("/comments")
    def add_comment():
        author = request.form.get("author", "")
        body = request.form.get("body", "")
        website = request.form.get("website", "")
        if not author or not body:
            return "author and body are required", 400
        with connect() as db:
            db.executescript(f"INSERT INTO comments (author, body, website) VALUES ('{author}', '{body}', '{website}')")
        session["author"] = author
        return redirect("/", code=303)

    @app.route("/comments/<int:comment_id>/delete", methods=["GET", "POST"])
    def delete_comment(comment_id: int):
        with connect() as db:
            db.execute(f"DELETE FROM comments WHERE id = {comment_id}")
        return redirect("/", code=303)

    return app
