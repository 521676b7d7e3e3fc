"""The learner's pytest + requests suite runs against a real local REST API (aiohttp on loopback):
it must pass on the correct server and fail on each planted-bug version of it, and the server's
request log must show that it really exercised every endpoint over HTTP with requests."""

import gc
import re

import pytest
from aiohttp import web

from pyexercise.checklib import PlantedBugs, http_server

# Each run of the learner's tests is a nested pytest session, which does a full garbage collection
# on the way out: objects made before the first one never need collecting, so keep them out of
# its way (sessions 2-3x faster).
gc.freeze()

SEED = [
    ("Ada Lovelace", "ada@example.com"), ("Alan Turing", "alan@example.com"),
    ("Grace Hopper", "Grace.Hopper@Example.com"), ("Edsger Dijkstra", "edsger@example.com"),
    ("Barbara Liskov", "barbara@example.com"), ("Donald Knuth", "don@example.com"),
    ("Margaret Hamilton", "margaret@example.com"), ("Ken Thompson", "ken@example.com"),
    ("Frances Allen", "fran@example.com"), ("Dennis Ritchie", "dmr@example.com"),
    ("Radia Perlman", "radia@example.com"), ("John McCarthy", "jmc@example.com"),
    ("Katherine Johnson", "katherine@example.com"), ("Tony Hoare", "tony@example.com"),
    ("Shafi Goldwasser", "shafi@example.com"), ("Niklaus Wirth", "niklaus@example.com"),
    ("Sophie Wilson", "sophie@example.com"), ("Guido van Rossum", "guido@example.com"),
    ("Hedy Lamarr", "hedy@example.com"), ("Leslie Lamport", "leslie@example.com"),
    ("Adele Goldberg", "adele@example.com"), ("Linus Torvalds", "linus@example.com"),
    ("Karen Sparck Jones", "karen@example.com"), ("Vint Cerf", "vint@example.com"),
    ("Jean Sammet", "jean@example.com"),
]
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class Api:
    """The server's data, and which bug (if any) it plays."""

    def __init__(self):
        self.bug = ""
        self.correct_log = None
        self.reset()

    def reset(self):
        self.users = {i: {"id": i, "name": name, "email": email} for i, (name, email) in enumerate(SEED, 1)}
        self.next_id = len(SEED) + 1


def make_app(api):
    def error(status, message):
        if api.bug == "error_not_json":
            return web.Response(status=status, text=message)
        return web.json_response({"error": message}, status=status)

    async def reset(request):
        api.reset()
        return web.Response(status=204)

    def query_int(request, name, default, low, high):
        raw = request.query.get(name, str(default))
        try:
            value = int(raw)
        except ValueError:
            return None
        if api.bug == "page_zero_accepted" and name == "page" and value == 0:
            return 1
        if api.bug == "per_page_unbounded" and name == "per_page":
            high = 10**6
        return value if low <= value <= high else None

    async def list_users(request):
        page, per_page = query_int(request, "page", 1, 1, 10**9), query_int(request, "per_page", 10, 1, 50)
        if page is None or per_page is None:
            return error(400, "page must be an integer from 1, per_page from 1 to 50")
        users = [api.users[i] for i in sorted(api.users)]
        start = (page - 1) * per_page
        if api.bug == "page_off_by_one":
            start += per_page
        elif api.bug == "pages_overlap" and page > 1:
            start -= 1
        return web.json_response({"items": users[start:start + per_page], "page": page, "per_page": per_page,
                                  "total": len(users)})

    async def create_user(request):
        try:
            body = await request.json()
        except ValueError:
            return error(400, "the body must be a JSON object")
        if not isinstance(body, dict):
            return error(400, "the body must be a JSON object")
        if set(body) - {"name", "email"}:
            return error(400, "unknown fields: " + ", ".join(sorted(set(body) - {"name", "email"})))
        name = body.get("name")
        if not isinstance(name, str) or not (name if api.bug == "blank_name_accepted" else name.strip()):
            return error(400, "name must be a non-empty string")
        if api.bug == "missing_email_crashes" and "email" not in body:
            return web.Response(status=500, text="500 Internal Server Error")  # a KeyError, unhandled
        email = body.get("email")
        if not isinstance(email, str) or not EMAIL.fullmatch(email):
            return error(400, "email must look like name@example.com")
        if api.bug == "duplicate_email_case_sensitive":
            taken = any(u["email"] == email for u in api.users.values())
        else:
            taken = any(u["email"].casefold() == email.casefold() for u in api.users.values())
        if taken:
            return error(409, f"{email} is already taken")
        user = {"id": api.next_id, "name": name.strip(), "email": email}
        api.users[user["id"]] = user
        api.next_id += 1
        headers = {} if api.bug == "no_location" else {"Location": f"/users/{user['id']}"}
        return web.json_response(user, status=200 if api.bug == "create_200" else 201, headers=headers)

    def find(request):
        return api.users.get(int(request.match_info["id"]))

    async def get_user(request):
        user = find(request)
        if user is None:
            if api.bug == "get_missing_200":
                return web.json_response(None)
            return error(404, "no such user")
        return web.json_response(user)

    async def lookup(request):
        if "email" not in request.query:
            return error(400, "give ?email=")
        email = request.query["email"]
        for user in api.users.values():
            if (user["email"] == email if api.bug == "lookup_case_sensitive"
                    else user["email"].casefold() == email.casefold()):
                return web.json_response(user)
        return error(404, "no user has that email")

    async def delete_user(request):
        user = find(request)
        if user is None:
            return error(404, "no such user")
        if api.bug != "delete_keeps_user":
            del api.users[user["id"]]
        return web.Response(status=204)

    async def not_found(request):
        return error(404, "no such resource")

    app = web.Application()
    app.router.add_post("/_reset", reset)
    app.router.add_get("/users", list_users)
    app.router.add_post("/users", create_user)
    app.router.add_get("/users/lookup", lookup)
    app.router.add_get(r"/users/{id:\d+}", get_user)
    app.router.add_delete(r"/users/{id:\d+}", delete_user)
    app.router.add_route("*", "/{tail:.*}", not_found)
    return app


BUGS = {
    "create_200": ({}, "POST /users answers 200 instead of 201 Created"),
    "no_location": ({}, "POST /users leaves out the Location header"),
    "page_off_by_one": ({}, "GET /users?page=1 returns the second page (page numbers off by one)"),
    "pages_overlap": ({}, "each page after the first starts with the last user of the page before"),
    "per_page_unbounded": ({}, "GET /users?per_page=51 (or 1000) is answered instead of being a 400"),
    "page_zero_accepted": ({}, "GET /users?page=0 is answered with page 1 instead of being a 400"),
    "blank_name_accepted": ({}, "POST /users accepts a name of only spaces"),
    "missing_email_crashes": ({}, "POST /users without an email crashes with a 500 instead of a 400"),
    "duplicate_email_case_sensitive": ({}, "POST /users accepts ADA@EXAMPLE.COM although ada@example.com is taken"),
    "lookup_case_sensitive": ({}, "GET /users/lookup?email= only finds an email spelled with the same case"),
    "get_missing_200": ({}, "GET /users/ID of a user that does not exist answers 200 with null"),
    "delete_keeps_user": ({}, "DELETE /users/ID answers 204 but the user is still there"),
    "error_not_json": ({}, "errors come back as plain text instead of a JSON {\"error\": ...} body"),
}


@pytest.fixture(scope="module")
def api():
    """The API served on loopback for the whole check, and the learner's suite ready to run on it."""
    state = Api()
    with http_server(make_app(state)) as server:
        state.server = server
        state.suite = PlantedBugs({}, BUGS, min_tests=10, fixtures={"base_url": server.url})
        yield state


def correct_run(api):
    """The learner's suite against the correct server: run once, and what the server saw is kept."""
    if api.correct_log is None:
        api.bug = ""
        api.reset()
        api.server.reset()
        api.suite.run("")
        api.correct_log = api.server.requests()
    return api.suite.check_correct()


def test_suite_passes_on_the_correct_api(api):
    """your tests all pass against the correct API (and there are at least 10)"""
    correct_run(api)


def _seen(log, method, pattern):
    return [r for r in log if r.method == method and re.fullmatch(pattern, r.path)]


def test_suite_talks_http_to_every_endpoint(api):
    """your tests reach the server over HTTP, with requests, and use every endpoint"""
    correct_run(api)
    log = api.correct_log
    assert log, ("the server received no request at all while your tests ran: they must call the API at base_url "
                 "(requests.get(f'{base_url}/users/1', timeout=5)), not a mock or a copy of it")
    others = sorted({r.headers.get("User-Agent", "?") for r in log if not r.headers.get("User-Agent", "").startswith("python-requests/")})
    assert not others, f"some requests were not sent with the requests library (User-Agent {others[0]!r}): use requests"
    endpoints = {
        "POST /users (create a user)": ("POST", r"/users"),
        "GET /users (a page of users)": ("GET", r"/users"),
        "GET /users/ID (one user)": ("GET", r"/users/\d+"),
        "GET /users/lookup?email=": ("GET", r"/users/lookup"),
        "DELETE /users/ID": ("DELETE", r"/users/\d+"),
    }
    missing = [name for name, (method, pattern) in endpoints.items() if not _seen(log, method, pattern)]
    assert not missing, "your tests never call " + ", ".join(missing) + ": every endpoint needs tests"
    statuses = {r.status for r in log}
    for status, what in [(400, "invalid input (400)"), (404, "something that is not there (404)"),
                         (409, "a clash (409)")]:
        assert status in statuses, f"no request of your tests got a {status}: test {what} too, not only the happy path"


@pytest.mark.parametrize("bug", list(BUGS))
def test_suite_catches_broken_server(api, bug, monkeypatch):
    """your tests catch a broken version of the server: at least one of them fails on it"""
    correct_run(api)
    api.bug = bug
    api.reset()
    monkeypatch.setenv("PYTEST_ADDOPTS", "-x --tb=no")  # one failure is enough to catch a bug
    try:
        api.suite.check_caught(bug)
    finally:
        api.bug = ""
