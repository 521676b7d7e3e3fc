import hashlib
import json
from datetime import datetime, timezone

import pytest
from aiohttp import web

from github_api_client import ApiError, GitHubClient, NotFound, Repo, User
from pyexercise.checklib import http_server

LANGS = ["Python", "Go", None, "Python", "Rust", "Go", "Python", None, "C"]
REPOS = [{"name": f"r{i:03d}", "full_name": f"octo/r{i:03d}", "stargazers_count": (i * 37) % 101,
          "language": LANGS[i % len(LANGS)], "updated_at": f"2024-05-{1 + i % 28:02d}T12:{i % 60:02d}:00Z",
          "private": False, "fork": i % 5 == 0} for i in range(130)]
USERS = {"octo": {"login": "octo", "name": "The Octocat", "public_repos": 130, "id": 1},
         "ghost": {"login": "ghost", "name": None, "public_repos": 0, "id": 2}}
PAGE_CAP = 40  # the server gives at most 40 a page, whatever per_page asks for


class FakeGitHub:
    def __init__(self):
        self.now = 1_700_000_000.0  # the fake clock, shared with the client
        self.slept = []
        self.limit = None  # ("primary" | "secondary", how many requests to refuse)
        self.peers = set()
        self.not_modified = 0
        self.full = 0
        self.app = web.Application(middlewares=[self.middleware])
        self.app.router.add_get("/users/{login}", self.user)
        self.app.router.add_get("/users/{login}/repos", self.repos)

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds

    @web.middleware
    async def middleware(self, request, handler):
        self.peers.add(request.transport.get_extra_info("peername")[1])
        if self.limit and self.limit[1] > 0:
            kind, left = self.limit
            self.limit = (kind, left - 1)
            if kind == "primary":
                return web.json_response({"message": "API rate limit exceeded"}, status=403, headers={
                    "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": str(int(self.now) + 30)})
            return web.json_response({"message": "You have exceeded a secondary rate limit"}, status=429,
                                     headers={"Retry-After": "7"})
        return await handler(request)

    def answer(self, request, body, headers=None):
        text = json.dumps(body)
        etag = '"' + hashlib.sha1(text.encode()).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            self.not_modified += 1
            return web.Response(status=304, headers={"ETag": etag, **(headers or {})})
        self.full += 1
        return web.Response(text=text, content_type="application/json", headers={"ETag": etag, **(headers or {})})

    async def user(self, request):
        login = request.match_info["login"]
        if login == "flaky":
            return web.Response(status=502, text="<html>bad gateway</html>", content_type="text/html")
        if login not in USERS:
            return web.json_response({"message": "Not Found"}, status=404)
        return self.answer(request, USERS[login])

    async def repos(self, request):
        login = request.match_info["login"]
        if login not in USERS:
            return web.json_response({"message": "Not Found"}, status=404)
        mine = REPOS if login == "octo" else []
        per_page = min(int(request.query.get("per_page", 30)), PAGE_CAP)
        page = int(request.query.get("page", 1))
        chunk = mine[(page - 1) * per_page: page * per_page]
        last = max(1, -(-len(mine) // per_page))
        base = f"{request.scheme}://{request.host}{request.path}"
        links = []
        if page < last:
            links.append(f'<{base}?per_page={per_page}&page={page + 1}>; rel="next"')
        links.append(f'<{base}?per_page={per_page}&page={last}>; rel="last"')
        return self.answer(request, chunk, {"Link": ", ".join(links)})

@pytest.fixture
def gh():
    fake = FakeGitHub()
    with http_server(fake.app) as server:
        fake.server = server
        yield fake


def client(gh, **kwargs):
    return GitHubClient(gh.server.url, sleep=gh.sleep, clock=gh.clock, **kwargs)


# -- parsing --------------------------------------------------------------------------------------

def test_user(gh):
    with client(gh) as c:
        assert c.user("octo") == User("octo", "The Octocat", 130)
        got = c.user("ghost")
    assert got == User("ghost", None, 0), f"a null name should be None, got {got!r}"
    assert gh.server.requests(path="/users/octo"), "user() should GET /users/{login}"


def test_headers(gh):
    with client(gh) as c:
        c.user("octo")
    with client(gh, token="s3cret") as c:
        c.user("octo")
    plain, authed = gh.server.requests(path="/users/octo")
    assert plain.headers.get("Accept") == "application/vnd.github+json", (
        f"send Accept: application/vnd.github+json, sent {plain.headers.get('Accept')!r}")
    assert "Authorization" not in plain.headers, "without a token, send no Authorization header"
    assert authed.headers.get("Authorization") == "Bearer s3cret", (
        f"with a token, send Authorization: Bearer TOKEN; sent {authed.headers.get('Authorization')!r}")


def test_repos_follow_every_page(gh):
    with client(gh) as c:
        got = c.repos("octo")
    asked = gh.server.requests(path="/users/octo/repos")
    assert len(got) == 130, (f"octo has 130 repositories, served {PAGE_CAP} a page (fewer than per_page asked for): "
                             f"got {len(got)} from {len(asked)} request(s). Follow the Link header's rel=\"next\" "
                             "URL until there is none")
    assert "per_page=100" in asked[0].query, f"ask for per_page=100 first, asked {asked[0].query!r}"
    assert [r.name for r in got] == [r["name"] for r in REPOS], "keep the repositories in the order served"
    first = got[7]
    want = Repo("r007", "octo/r007", REPOS[7]["stargazers_count"], None,
                datetime(2024, 5, 8, 12, 7, tzinfo=timezone.utc))
    assert first == want, f"the 8th repository should parse as {want!r}, got {first!r}"
    assert first.updated_at.tzinfo is not None and first.updated_at.utcoffset().total_seconds() == 0, (
        "updated_at should be a timezone-aware datetime in UTC ('Z' is UTC)")
    assert len(asked) == 4, f"130 repositories at {PAGE_CAP} a page are 4 requests, made {len(asked)}"


def test_no_repos(gh):
    with client(gh) as c:
        assert c.repos("ghost") == [], "a user without repositories has an empty list"


def test_top_languages(gh):
    with client(gh) as c:
        got = c.top_languages("octo")
    counts = {}
    for r in REPOS:
        if r["language"]:
            counts[r["language"]] = counts.get(r["language"], 0) + 1
    want = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    assert got == want, f"top_languages('octo') should be {want} (most first, ties alphabetical, no None), got {got}"


def test_one_connection_for_everything(gh):
    with client(gh) as c:
        c.user("octo")
        c.repos("octo")
        c.user("ghost")
    assert len(gh.peers) == 1, (f"6 requests came over {len(gh.peers)} connections: make one requests.Session in "
                                "__init__ and send every request through it, so its connection is reused")


# -- caching ----------------------------------------------------------------------------------------

def test_etags_make_repeats_free(gh):
    with client(gh) as c:
        first = c.repos("octo")
        user = c.user("octo")
        gh.full = gh.not_modified = 0
        again = c.repos("octo")
        user_again = c.user("octo")
    assert gh.not_modified == 5 and gh.full == 0, (
        f"asking again for what has not changed should send If-None-Match with the ETag and get 304s: of 5 "
        f"repeated requests {gh.not_modified} were 304 and {gh.full} full answers")
    assert again == first and user_again == user, "on a 304, return what came with that ETag (and its next page)"
    sent = gh.server.requests(path="/users/octo")[-1].headers.get("If-None-Match")
    assert sent and sent.startswith('"'), f"If-None-Match should be the ETag exactly as received, sent {sent!r}"


def test_changed_data_is_fetched(gh):
    with client(gh) as c:
        c.user("octo")
        USERS["octo"]["public_repos"] = 131
        try:
            got = c.user("octo")
        finally:
            USERS["octo"]["public_repos"] = 130
    assert got.public_repos == 131, "when the data changed (a new ETag, status 200), return the new data"


# -- rate limits and errors -------------------------------------------------------------------------

def test_waits_for_the_primary_rate_limit(gh):
    gh.limit = ("primary", 1)
    with client(gh) as c:
        got = c.user("octo")
    assert got == User("octo", "The Octocat", 130), "after waiting, the request should be made again and succeed"
    assert len(gh.slept) == 1 and 30 <= gh.slept[0] <= 32, (
        f"a 403 with X-RateLimit-Remaining: 0 and X-RateLimit-Reset 30 s ahead (by clock()) means sleep about 31 s "
        f"(the reset plus a second), once; sleep() was called with {gh.slept}")


def test_waits_for_the_secondary_rate_limit(gh):
    gh.limit = ("secondary", 1)
    with client(gh) as c:
        assert c.repos("ghost") == []
    assert gh.slept == [7], f"a 429 with Retry-After: 7 means sleep(7) and try again; sleep() got {gh.slept}"


def test_still_limited_after_waiting_is_an_error(gh):
    gh.limit = ("primary", 2)
    with client(gh) as c, pytest.raises(ApiError) as info:
        c.user("octo")
    assert info.value.status == 403 and len(gh.slept) == 1, (
        f"wait once; if the retry is still limited raise ApiError (status 403): slept {gh.slept}, got {info.value!r}")


def test_errors(gh):
    with client(gh) as c:
        with pytest.raises(NotFound) as info:
            c.user("nobody")
        assert info.value.status == 404 and info.value.message == "Not Found", (
            f"a 404 should raise NotFound with .status 404 and .message from the JSON body, got "
            f"{info.value.status!r}, {info.value.message!r}")
        assert isinstance(info.value, ApiError), "NotFound should be a kind of ApiError"
        with pytest.raises(NotFound):
            c.repos("nobody")
        with pytest.raises(ApiError) as info:
            c.user("flaky")
    err = info.value
    assert not isinstance(err, NotFound) and err.status == 502, f"a 502 should raise ApiError with .status 502, got {err!r}"
    assert err.message == "Bad Gateway", (
        f"without a JSON body the message is the HTTP reason ('Bad Gateway'), got {err.message!r}")
