"""IPv4 addresses by hand: strict dotted-quad validation, int conversions and CIDR membership."""

from __future__ import annotations

ASCII_DIGITS = frozenset("0123456789")  # str.isdigit() and int() also accept '٣', '３', '²'...


def _number(text: str, largest: int) -> int | None:
    """The value of a decimal field ('0' to str(largest)), or None if it is not a strict one."""
    if not text or len(text) > len(str(largest)):
        return None  # empty, or too long to bother (and never a huge int() of a long string)
    if not set(text) <= ASCII_DIGITS:
        return None  # signs, spaces, '\n', '_' and non-ASCII digits, all of which int() would take
    if len(text) > 1 and text[0] == "0":
        return None  # leading zeros: '010' reads as octal 8 to inet_aton, so it is ambiguous
    value = int(text)
    return value if value <= largest else None


def _parse(address: str) -> int | None:
    """The 32-bit value of a strict dotted quad, or None."""
    if not isinstance(address, str):
        raise TypeError(f"an IPv4 address is a str, not {type(address).__name__}")
    parts = address.split(".")
    if len(parts) != 4:
        return None
    value = 0
    for part in parts:
        octet = _number(part, 255)
        if octet is None:
            return None
        value = value << 8 | octet
    return value


def is_valid_ipv4(address: str) -> bool:
    """True if ``address`` is four decimal octets 0-255 joined by dots, and nothing else."""
    return _parse(address) is not None


def ipv4_to_int(address: str) -> int:
    """The address as a 32-bit unsigned int: '1.2.3.4' -> 16909060."""
    value = _parse(address)
    if value is None:
        raise ValueError(f"{address!r} is not an IPv4 address")
    return value


def int_to_ipv4(number: int) -> str:
    """The dotted quad of a 32-bit unsigned int: 16909060 -> '1.2.3.4'."""
    if not isinstance(number, int) or isinstance(number, bool):
        raise TypeError(f"an IPv4 address as a number is an int, not {type(number).__name__}")
    if not 0 <= number < 1 << 32:
        raise ValueError(f"{number} is not in the IPv4 range 0 to 2**32 - 1")
    return ".".join(str(number >> shift & 0xFF) for shift in (24, 16, 8, 0))


def in_cidr(address: str, cidr: str) -> bool:
    """True if ``address`` lies in the network ``cidr`` ('192.168.0.0/16')."""
    value = ipv4_to_int(address)
    if not isinstance(cidr, str):
        raise TypeError(f"a CIDR network is a str, not {type(cidr).__name__}")
    network, slash, prefix_text = cidr.partition("/")
    prefix = _number(prefix_text, 32)
    if not slash or prefix is None:
        raise ValueError(f"{cidr!r} is not a network: write it as address/prefix, with a prefix from 0 to 32")
    base = _parse(network)
    if base is None:
        raise ValueError(f"{cidr!r} is not a network: {network!r} is not an IPv4 address")
    # the top `prefix` bits are the network; a /0 mask is 0 and every address matches
    mask = (0xFFFFFFFF << (32 - prefix)) & 0xFFFFFFFF
    if base & ~mask:  # any bit below the prefix
        raise ValueError(f"{cidr!r} has host bits set: the network is {int_to_ipv4(base & mask)}/{prefix}")
    return value & mask == base
