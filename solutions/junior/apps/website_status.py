"""Check whether a website is online: send an HTTP request and judge its status code."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import requests


@dataclass(frozen=True)
class SiteStatus:
    url: str
    online: bool
    status_code: int | None
    final_url: str
    detail: str


def _request(url: str, timeout: float) -> requests.Response:
    # HEAD: only the headers come back. requests.head() does not follow redirects unless asked.
    response = requests.head(url, timeout=timeout, allow_redirects=True)
    if response.status_code in (405, 501):  # "I don't do HEAD": ask properly
        response = requests.get(url, timeout=timeout, allow_redirects=True, stream=True)
        response.close()  # we only wanted the status; don't download the body
    return response


def check_website(url: str, *, timeout: float = 5.0) -> SiteStatus:
    """Request ``url`` and report whether the site is online."""

    def down(detail: str) -> SiteStatus:
        return SiteStatus(url, False, None, url, detail)

    try:
        response = _request(url, timeout)
    # Order matters: ConnectTimeout is both a Timeout and a ConnectionError.
    except requests.Timeout:
        return down("timed out")
    except requests.TooManyRedirects:
        return down("too many redirects")
    except (requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema,
            requests.exceptions.InvalidURL):
        return down("invalid URL")
    except requests.RequestException:
        return down("connection failed")
    code = response.status_code
    return SiteStatus(url, 200 <= code < 300, code, response.url, f"HTTP {code} {response.reason}")


def format_line(status: SiteStatus) -> str:
    state = "UP" if status.online else "DOWN"
    code = "---" if status.status_code is None else str(status.status_code)
    line = f"{state:<4} {code:>3} {status.url}"
    return line if status.online else f"{line} ({status.detail})"


def main(argv: list[str] | None = None) -> int:
    """Check every URL on the command line; 0 if all are online, else 1."""
    parser = argparse.ArgumentParser(prog="is-it-up", description="Check whether websites are online.")
    parser.add_argument("urls", nargs="+", metavar="URL")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for each site")
    args = parser.parse_args(argv)
    all_up = True
    for url in args.urls:
        status = check_website(url, timeout=args.timeout)
        print(format_line(status), flush=True)
        all_up = all_up and status.online
    return 0 if all_up else 1


if __name__ == "__main__":
    raise SystemExit(main())
