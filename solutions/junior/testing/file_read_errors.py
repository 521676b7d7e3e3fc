"""Write a program that uses try/except to handle the errors that reading a file can raise."""

from __future__ import annotations

import os
import sys


def try_read(path: str | os.PathLike) -> tuple[str | None, str | None]:
    try:
        with open(path, encoding="utf-8") as f:  # `with` closes the file on every path out
            return f.read(), None
    # The specific OSError subclasses first: Python uses the first except clause that matches,
    # and every one of these is also an OSError.
    except FileNotFoundError:
        return None, "not found"
    except IsADirectoryError:
        return None, "is a directory"
    except PermissionError:
        return None, "permission denied"
    except UnicodeDecodeError:  # a ValueError, not an OSError: raised by read(), not open()
        return None, "not valid UTF-8 text"
    except OSError as err:
        return None, f"cannot read: {err.strerror or err}"


def main(argv: list[str] | None = None) -> int:
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: file_read_errors FILE...", file=sys.stderr)
        return 2
    status = 0
    for path in paths:
        content, problem = try_read(path)
        if problem is None:
            sys.stdout.write(content)
        else:
            print(f"{path}: {problem}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
