"""Check whether a website is online: send an HTTP request and judge its status code.

    >>> check_website("https://www.python.org/", timeout=5)
    SiteStatus(url='https://www.python.org/', online=True, status_code=200, final_url='https://www.python.org/', detail='HTTP 200 OK')

Use the `requests` library. check_website(url, *, timeout) returns a SiteStatus:
- online: True only if the final response, after following redirects, has a 2xx status;
- status_code: the final response's status code, or None if no response came at all;
- final_url: the final response's URL (after redirects), or `url` itself if none came;
- detail: "HTTP <code> <reason>" for any response ("HTTP 200 OK", "HTTP 404 Not Found");
  otherwise "timed out" (no answer within `timeout` seconds), "too many redirects" (a
  redirect loop), "invalid URL" (not a usable http(s) URL), or "connection failed".
It never raises for a bad site: reporting bad sites is its job.

Good manners: always pass a timeout, or one dead site hangs your checker forever. A HEAD
request is cheaper than GET (no body is sent), but requests.head() does not follow
redirects unless you ask it to, and some servers refuse HEAD with 405 Method Not Allowed:
then ask again with GET.

main(argv) takes `URL... [--timeout SECONDS]` (default 5) and prints one line per URL:

    UP   200 http://localhost:8000/
    DOWN 404 http://localhost:8000/missing (HTTP 404 Not Found)
    DOWN --- http://localhost:9/ (connection failed)

that is f"{state:<4} {code:>3} {url}", with state UP or DOWN, code the status or "---", and
" (detail)" after a DOWN line. It returns 0 if every site is online, else 1.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteStatus:
    url: str
    online: bool
    status_code: int | None
    final_url: str
    detail: str


def check_website(url: str, *, timeout: float = 5.0) -> SiteStatus:
    """Request ``url`` and report whether the site is online."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Check every URL on the command line; 0 if all are online, else 1."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())
