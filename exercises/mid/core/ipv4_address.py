"""Validate IPv4 addresses strictly, convert them to and from ints, and test CIDR membership.

An IPv4 address in dotted-quad form is four decimal numbers from 0 to 255 ("octets") joined by
dots. Interviewers like the task because the obvious tools are too generous: ``int()`` accepts
``" 7"``, ``"+7"``, ``"0_7"`` and Arabic-Indic ``"٧"``; ``str.isdigit()`` is True for ``"²"`` and
``"３"``; in a regex ``\\d`` matches any Unicode digit and ``$`` matches before a trailing newline.

    >>> is_valid_ipv4("192.168.0.1"), is_valid_ipv4("192.168.0.01"), is_valid_ipv4("1.2.3.4\\n")
    (True, False, False)
    >>> ipv4_to_int("1.2.3.4"), int_to_ipv4(3232235521)
    (16909060, '192.168.0.1')
    >>> in_cidr("10.1.2.3", "10.0.0.0/8"), in_cidr("11.0.0.1", "10.0.0.0/8")
    (True, False)

- ``is_valid_ipv4(address)`` is True exactly when the string is four octets joined by three
  dots, where each octet is 1 to 3 ASCII digits 0-9, at most 255, and has no leading zero
  ("0" itself is fine, "00" and "01" are not: some parsers read "010" as octal 8). Nothing else
  is allowed: no whitespace anywhere (not even a trailing newline), no signs, no empty parts,
  no other digits than ASCII ones. It never raises for a string; a non-str (bytes, an int,
  None) raises TypeError.
- ``ipv4_to_int(address)`` gives the 32-bit unsigned value, the first octet the most
  significant: a.b.c.d is a * 2**24 + b * 2**16 + c * 2**8 + d. An invalid address raises
  ValueError.
- ``int_to_ipv4(number)`` is the inverse, for 0 <= number < 2**32 (else ValueError); a number
  that is not an int raises TypeError, and so does a bool (True is not an address).
- ``in_cidr(address, cidr)`` tells whether the address lies in the network written
  "address/prefix", where prefix (0 to 32, ASCII digits, no leading zero) is the number of
  leading bits that name the network: "192.168.1.0/24" holds 192.168.1.0 to 192.168.1.255,
  "0.0.0.0/0" holds everything, "10.0.0.7/32" only 10.0.0.7. It raises ValueError for an
  invalid address, a malformed cidr (no "/", a bad prefix, a netmask like "/255.255.255.0") or
  a network with host bits set ("192.168.1.5/24": the network is 192.168.1.0/24).

The check compares you with Python's ``ipaddress`` module on thousands of near misses, but you
may not use it (nor ``socket.inet_aton``, which accepts "127.1"): parse the text yourself.
"""

from __future__ import annotations


def is_valid_ipv4(address: str) -> bool:
    """True if ``address`` is four decimal octets 0-255 joined by dots, and nothing else."""
    # TODO: split on ".", then check each part character by character.
    raise NotImplementedError


def ipv4_to_int(address: str) -> int:
    """The address as a 32-bit unsigned int: '1.2.3.4' -> 16909060."""
    raise NotImplementedError


def int_to_ipv4(number: int) -> str:
    """The dotted quad of a 32-bit unsigned int: 16909060 -> '1.2.3.4'."""
    raise NotImplementedError


def in_cidr(address: str, cidr: str) -> bool:
    """True if ``address`` lies in the network ``cidr`` ('192.168.0.0/16')."""
    raise NotImplementedError
