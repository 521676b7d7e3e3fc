"""Write a pytest + requests test suite for the small REST API described below: valid and invalid inputs."""

from __future__ import annotations

import pytest
import requests

TIMEOUT = 5  # seconds: a test against a hung server should fail, not wait forever


class Client(requests.Session):
    """A requests session bound to the API's base URL: http.get("/users/1"). One session keeps
    its connection open between requests, which makes a suite of many small requests fast."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.base_url = base_url

    def request(self, method, path, **kwargs):
        kwargs.setdefault("timeout", TIMEOUT)
        return super().request(method, self.base_url + path, **kwargs)


@pytest.fixture
def http(base_url):
    """A client, with the server back at its 25 seed users: every test starts from the same state."""
    with Client(base_url) as client:
        assert client.post("/_reset").status_code == 204
        yield client


def create(http, **fields):
    return http.post("/users", json=fields)


def assert_error(r, status):
    """An error response: its status, and the JSON {"error": ...} body a client can show."""
    assert r.status_code == status, r.text
    assert r.headers["Content-Type"].startswith("application/json")
    assert isinstance(r.json()["error"], str)


# ------------------------------------------------------------------------------- reading users

def test_get_one_user(http):
    r = http.get("/users/1")
    assert r.status_code == 200
    assert r.json() == {"id": 1, "name": "Ada Lovelace", "email": "ada@example.com"}


def test_get_missing_user_is_404(http):
    assert_error(http.get("/users/9999"), 404)


def test_first_page_has_the_first_users_in_id_order(http):
    r = http.get("/users")
    assert r.status_code == 200
    body = r.json()
    assert [u["id"] for u in body["items"]] == list(range(1, 11))
    assert (body["page"], body["per_page"], body["total"]) == (1, 10, 25)


def test_pages_cover_every_user_exactly_once(http):
    seen = []
    for page in (1, 2, 3, 4):
        r = http.get("/users", params={"page": page, "per_page": 7})
        assert r.status_code == 200
        seen += [u["id"] for u in r.json()["items"]]
    assert seen == list(range(1, 26))  # 7 + 7 + 7 + 4: no gaps, no repeats


def test_page_past_the_end_is_empty(http):
    r = http.get("/users", params={"page": 99})
    assert r.status_code == 200
    assert r.json()["items"] == []


@pytest.mark.parametrize("params", [{"page": 0}, {"page": "x"}, {"per_page": 0}, {"per_page": 51}])
def test_bad_paging_is_400(http, params):
    assert_error(http.get("/users", params=params), 400)


@pytest.mark.parametrize("email", ["Grace.Hopper@Example.com", "grace.hopper@example.com", "GRACE.HOPPER@EXAMPLE.COM"])
def test_lookup_by_email_ignores_case(http, email):
    r = http.get("/users/lookup", params={"email": email})
    assert r.status_code == 200
    assert r.json()["id"] == 3


def test_lookup_of_unknown_email_is_404(http):
    r = http.get("/users/lookup", params={"email": "nobody@example.com"})
    assert_error(r, 404)


# ------------------------------------------------------------------------------ creating users

def test_create_user(http):
    r = create(http, name="  Linus Pauling  ", email="linus.p@example.com")
    assert r.status_code == 201
    user = r.json()
    assert user == {"id": 26, "name": "Linus Pauling", "email": "linus.p@example.com"}
    assert r.headers["Location"] == "/users/26"
    # the Location really is the new user's own URL
    assert http.get(r.headers["Location"]).json() == user


@pytest.mark.parametrize("body", [
    {"email": "x@example.com"},  # no name
    {"name": "   ", "email": "x@example.com"},  # a name of only spaces
    {"name": 42, "email": "x@example.com"},  # not a string
    {"name": "X"},  # no email
    {"name": "X", "email": "not-an-email"},
    {"name": "X", "email": "x@example.com", "admin": True},  # an unknown field
    ["X", "x@example.com"],  # not an object
])
def test_invalid_user_is_400(http, body):
    r = http.post("/users", json=body)
    assert_error(r, 400)
    assert http.get("/users").json()["total"] == 25  # nothing was created


def test_body_that_is_not_json_is_400(http):
    r = http.post("/users", data="{not json", headers={"Content-Type": "application/json"})
    assert_error(r, 400)


@pytest.mark.parametrize("email", ["ada@example.com", "ADA@Example.COM"])
def test_taken_email_is_409_whatever_its_case(http, email):
    assert_error(create(http, name="Another Ada", email=email), 409)


# ------------------------------------------------------------------------------ deleting users

def test_delete_user(http):
    r = http.delete("/users/2")
    assert r.status_code == 204
    assert r.content == b""
    assert_error(http.get("/users/2"), 404)  # really gone


def test_delete_missing_user_is_404(http):
    assert_error(http.delete("/users/9999"), 404)
