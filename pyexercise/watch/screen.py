"""The terminal while watch runs: cbreak keys, the alternate screen, the cursor hidden — and all
of it put back on every way out (a return, an exception, Ctrl-C, SIGTERM, SIGHUP)."""

from __future__ import annotations

import contextlib
import sys

ENTER = "\x1b[?1049h\x1b[?25l"  # the alternate screen (the learner's scrollback stays as it was), no cursor
LEAVE = "\x1b[?25h\x1b[?1049l"


@contextlib.contextmanager
def terminal(fd: int, out=None):
    """cbreak: single keys without Enter, no echo; Ctrl-C still interrupts. The input is not
    flushed on the way in, so a key pressed before the first frame is still read."""
    import termios
    import tty

    out = out or sys.stdout
    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd, termios.TCSANOW)
    new = termios.tcgetattr(fd)
    new[3] &= ~termios.ECHO
    termios.tcsetattr(fd, termios.TCSANOW, new)
    out.write(ENTER)
    out.flush()
    try:
        yield
    finally:
        with contextlib.suppress(termios.error, OSError):
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        with contextlib.suppress(OSError, ValueError):
            out.write(LEAVE)
            out.flush()


def draw(out, lines: list[str]) -> None:
    """Repaint from the top-left; each line is cleared to its end, and what is below the last one too."""
    out.write("\x1b[H" + "\x1b[K\n".join(lines) + "\x1b[K\x1b[J")
    out.flush()
