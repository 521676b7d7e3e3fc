"""Write a pytest + requests test suite for the small REST API described below: valid and invalid inputs.

pyex runs the API on a local port and gives your tests its address through a fixture called
`base_url` (e.g. "http://127.0.0.1:43117", no trailing slash): ask for it as a parameter, in a
test or in a fixture of your own (base_url is a per-test fixture, so yours must be too).

    def test_get_one_user(base_url):
        r = requests.get(f"{base_url}/users/1", timeout=5)
        assert r.status_code == 200

pyex grades your suite twice over: against the correct API (every test must pass) and against
about a dozen broken versions of the server (each must make at least one of your tests fail):
wrong status codes, a missing header, pagination that is off by one, validation that lets bad
input through, a lookup that is case-sensitive, a delete that deletes nothing... The tests
must really talk HTTP to the server, with `requests` (pyex looks at what the server received).

The API: users as JSON objects {"id": int, "name": str, "email": str}

    POST   /_reset              test hook: back to the 25 seed users (ids 1 to 25), answers 204;
                                the next user created gets id 26
    GET    /users               200 {"items": [...], "page": P, "per_page": N, "total": T}
                                users in id order, N to a page; query ?page=P (default 1, from 1)
                                and ?per_page=N (default 10, 1 to 50); any other value of either
                                (0, 51, "x") is a 400; a page past the end is a 200 with no items
    POST   /users               body {"name": ..., "email": ...} (JSON) creates a user:
                                201, the new user as the body, and the header
                                Location: /users/ID (its own URL)
                                400 if the body is not a JSON object, has other fields, or if
                                name is not a string with something besides spaces in it (it is
                                stored stripped), or email is not a string like "x@y.z"
                                409 if another user has that email: emails compare ignoring case
    GET    /users/ID            200 the user; 404 if there is none
    GET    /users/lookup?email=E  200 the user whose email is E, ignoring case; 404 if none;
                                400 without ?email
    DELETE /users/ID            204 with an empty body; 404 if there is no such user

Every error (400, 404, 409) has a JSON body {"error": "what went wrong"}.

Seed users, among the 25: 1 {"name": "Ada Lovelace", "email": "ada@example.com"},
2 {"name": "Alan Turing", "email": "alan@example.com"}, 3 {"name": "Grace Hopper",
"email": "Grace.Hopper@Example.com"}.

Requirements for your suite:
- at least 10 tests, in functions named test_...; each takes `base_url` (or a fixture of yours
  that does); they must not depend on running in a particular order, so start from a known
  state (a fixture that POSTs /_reset is the usual way) or create the data a test needs;
- check what a client relies on: the status code, the JSON body, the headers that matter.

The server lives in pyex's check, so run your suite with `pyex run rest_api_suite` (or watch):
a test that fails on the correct API is shown with the reason.
"""

from __future__ import annotations

import pytest
import requests


# TODO: replace the placeholder with your tests.
def test_placeholder(base_url):
    raise NotImplementedError("write your tests in place of this placeholder")
