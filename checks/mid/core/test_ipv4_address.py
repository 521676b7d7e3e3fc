import ipaddress

import pytest
from hypothesis import given, strategies as st

from ipv4_address import in_cidr, int_to_ipv4, ipv4_to_int, is_valid_ipv4
from pyexercise.checklib import assert_not_used


def oracle(address: str) -> int | None:
    """Python's own strict parser (leading zeros are refused since 3.9.5)"""
    try:
        return int(ipaddress.IPv4Address(address))
    except ValueError:
        return None


def check_valid(address: str) -> None:
    got = is_valid_ipv4(address)
    want = oracle(address) is not None
    assert type(got) is bool, f"is_valid_ipv4({address!r}) should return a bool, got {got!r}"
    assert got is want, f"is_valid_ipv4({address!r}) should be {want}" + ("" if want else f": {why_invalid(address)}")


def why_invalid(address: str) -> str:
    parts = address.split(".")
    if len(parts) != 4:
        return f"it has {len(parts)} dot-separated parts, not 4"
    for part in parts:
        if part == "":
            return "it has an empty part"
        odd = [c for c in part if c not in "0123456789"]
        if odd:
            c = odd[0]
            if c.isdigit() or c.isnumeric():
                return (f"{c!r} (U+{ord(c):04X}) is a digit to str.isdigit(), int() and regex \\d, but not one of the "
                        "ASCII digits 0-9")
            if c == "\n" and address.endswith("\n"):
                return ("it ends in a newline, which is not part of an address (in a regex, $ matches just before a "
                        "final newline: use re.fullmatch, or check the characters yourself)")
            return f"{part!r} contains {c!r}, which is not an ASCII digit (int() would strip spaces and accept signs)"
        if len(part) > 1 and part[0] == "0":
            return f"{part!r} has a leading zero"
        if int(part) > 255:
            return f"{part} is more than 255"
    return "it is not a dotted quad"


def test_does_not_use_ipaddress():
    """the parsing is yours: no ipaddress module, no socket.inet_aton/inet_pton"""
    assert_not_used("the ipaddress or socket modules", imports=["ipaddress", "socket"],
                    names=["__import__", "import_module"])


@pytest.mark.parametrize("address", ["0.0.0.0", "255.255.255.255", "192.168.1.1", "10.0.0.1", "1.2.3.4",
                                     "127.0.0.1", "100.64.0.200", "8.8.8.8", "249.250.251.252"])
def test_valid_addresses(address):
    """ordinary addresses, from 0.0.0.0 to 255.255.255.255, are valid"""
    check_valid(address)


NEAR_MISSES = [
    ("01.2.3.4", "a leading zero"), ("1.2.3.00", "'00' has a leading zero"), ("1.2.3.012", "a leading zero"),
    ("١٩٢.168.1.1", "Arabic-Indic digits"), ("1.2.3.٤", "an Arabic-Indic four"), ("1.२.3.4", "a Devanagari two"),
    ("１.2.3.4", "a fullwidth one"), ("1.2.3.²", "a superscript two"), ("1.2.3.4\n", "a trailing newline"),
    (" 1.2.3.4", "a leading space"), ("1.2.3.4 ", "a trailing space"), ("1.2. 3.4", "a space inside"),
    ("1.2.3.4\t", "a tab"), ("+1.2.3.4", "a plus sign"), ("1.-2.3.4", "a minus sign"), ("1.2.3.-0", "minus zero"),
    ("1..3.4", "an empty part"), (".1.2.3", "an empty first part"), ("1.2.3.", "an empty last part"),
    ("", "the empty string"), ("...", "only dots"), ("256.1.1.1", "256 is too big"), ("1.2.3.999", "999"),
    ("1000.1.1.1", "four digits"), ("1.2.3.4.5", "five octets"), ("1.2.3", "three octets"),
    ("16909060", "one number"), ("1_0.1.1.1", "an underscore, which int() accepts"), ("0x1.1.1.1", "hex"),
    ("1.2.3.4/24", "a prefix"), ("a.b.c.d", "letters"), ("1,2,3,4", "commas"), ("1.2.3.1e2", "an exponent"),
    ("1.2.3.4.", "a trailing dot"), ("0001.2.3.4", "four digits with zeros"), ("1.2.3.4\x00", "a NUL"),
    ("1.2.3.\u00a04", "a no-break space"),
]


@pytest.mark.parametrize("address, why", NEAR_MISSES)
def test_near_misses(address, why):
    """near misses are invalid: leading zeros, Unicode digits, whitespace, signs, empty parts, 256, 5 octets"""
    try:
        got = is_valid_ipv4(address)
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported as a teaching failure
        pytest.fail(f"is_valid_ipv4({address!r}) raised {type(exc).__name__}: {exc}; it should return False "
                    f"({why}): a validator answers, it does not crash")
    assert got is False, f"is_valid_ipv4({address!r}) should be False ({why}): {why_invalid(address)}"


def test_non_strings_are_type_errors():
    """is_valid_ipv4 and ipv4_to_int take a str: bytes, ints and None raise TypeError"""
    for bad in (None, b"1.2.3.4", 16909060, ["1", "2", "3", "4"]):
        for func in (is_valid_ipv4, ipv4_to_int):
            with pytest.raises(TypeError):
                func(bad)
                pytest.fail(f"{func.__name__}({bad!r}) should raise TypeError: an address is a str")


@pytest.mark.parametrize("address, number", [("0.0.0.0", 0), ("0.0.0.1", 1), ("0.0.1.0", 256), ("1.2.3.4", 16909060),
                                             ("192.168.0.1", 3232235521), ("255.255.255.255", 2 ** 32 - 1),
                                             ("128.0.0.0", 2 ** 31), ("10.20.30.40", 169090600)])
def test_conversions(address, number):
    """ipv4_to_int and int_to_ipv4 convert both ways, first octet most significant"""
    got = ipv4_to_int(address)
    assert got == number and type(got) is int, f"ipv4_to_int({address!r}) should be {number}, got {got!r}"
    back = int_to_ipv4(number)
    assert back == address and type(back) is str, f"int_to_ipv4({number}) should be {address!r}, got {back!r}"


def test_conversion_errors():
    """invalid addresses and out-of-range numbers are ValueError; non-int numbers TypeError"""
    for bad in ("1.2.3.256", "01.2.3.4", "1.2.3.4\n", "", "1.2.3"):
        with pytest.raises(ValueError):
            ipv4_to_int(bad)
            pytest.fail(f"ipv4_to_int({bad!r}) should raise ValueError: {why_invalid(bad)}")
    for bad in (-1, 2 ** 32, 2 ** 40):
        with pytest.raises(ValueError):
            int_to_ipv4(bad)
            pytest.fail(f"int_to_ipv4({bad}) should raise ValueError: IPv4 numbers go from 0 to 2**32 - 1")
    for bad in (1.0, "1", None, True):
        with pytest.raises(TypeError):
            int_to_ipv4(bad)
            pytest.fail(f"int_to_ipv4({bad!r}) should raise TypeError: it takes an int (and a bool is not an address)")


@pytest.mark.parametrize("address, cidr, want", [
    ("192.168.1.77", "192.168.1.0/24", True), ("192.168.2.1", "192.168.1.0/24", False),
    ("192.168.1.0", "192.168.1.0/24", True), ("192.168.1.255", "192.168.1.0/24", True),
    ("192.168.0.255", "192.168.1.0/24", False), ("10.255.255.255", "10.0.0.0/8", True),
    ("11.0.0.0", "10.0.0.0/8", False), ("1.2.3.4", "0.0.0.0/0", True), ("255.255.255.255", "0.0.0.0/0", True),
    ("10.0.0.7", "10.0.0.7/32", True), ("10.0.0.6", "10.0.0.7/32", False), ("10.0.0.8", "10.0.0.7/32", False),
    ("172.16.5.4", "172.16.0.0/12", True), ("172.32.0.1", "172.16.0.0/12", False),
    ("10.0.0.5", "10.0.0.4/31", True), ("10.0.0.6", "10.0.0.4/31", False), ("128.0.0.1", "128.0.0.0/1", True),
    ("127.255.255.255", "128.0.0.0/1", False), ("0.0.0.0", "0.0.0.0/1", True),
])
def test_in_cidr(address, cidr, want):
    """in_cidr: /24, /8, /0, /32, /31 and /1 networks, inside, outside and at the edges"""
    got = in_cidr(address, cidr)
    assert got is want, f"in_cidr({address!r}, {cidr!r}) should be {want}, got {got!r}"


@pytest.mark.parametrize("cidr, why", [
    ("192.168.1.5/24", "host bits are set: the network is 192.168.1.0/24"),
    ("10.0.0.1/31", "the last bit is a host bit of a /31"), ("10.0.1.0/23", "a host bit is set: 10.0.0.0/23"), ("1.2.3.0/33", "a prefix over 32"),
    ("1.2.3.0/-1", "a negative prefix"), ("1.2.3.0/024", "a leading zero in the prefix"),
    ("1.2.3.0/+24", "a signed prefix"), ("1.2.3.0/ 24", "a space"), ("1.2.3.0/24\n", "a trailing newline"),
    ("1.2.3.0/٢٤", "Arabic-Indic digits"), ("1.2.3.0", "no prefix at all"), ("1.2.3.0/", "an empty prefix"),
    ("1.2.3.0/24/1", "two slashes"), ("1.2.3.0/255.255.255.0", "a netmask instead of a prefix"),
    ("1.2.3/24", "a network of three octets"), ("01.2.3.0/24", "a leading zero in the network"),
    ("/24", "no network"), ("1.2.3.0/2 4", "a space in the prefix"),
])
def test_bad_cidrs(cidr, why):
    """malformed networks raise ValueError: host bits, bad prefixes, netmasks, bad addresses"""
    with pytest.raises(ValueError):
        in_cidr("1.2.3.4", cidr)
        pytest.fail(f"in_cidr('1.2.3.4', {cidr!r}) should raise ValueError: {why}")


def test_in_cidr_bad_arguments():
    """in_cidr with an invalid address is a ValueError; non-strings are TypeErrors"""
    for bad in ("1.2.3.256", "1.2.3.4 ", "10.0.0"):
        with pytest.raises(ValueError):
            in_cidr(bad, "10.0.0.0/8")
            pytest.fail(f"in_cidr({bad!r}, '10.0.0.0/8') should raise ValueError: {why_invalid(bad)}")
    for address, cidr in ((167772161, "10.0.0.0/8"), ("10.0.0.1", None), ("10.0.0.1", b"10.0.0.0/8")):
        with pytest.raises(TypeError):
            in_cidr(address, cidr)
            pytest.fail(f"in_cidr({address!r}, {cidr!r}) should raise TypeError: both arguments are str")


# -- properties against the ipaddress module -------------------------------------------------------

octet = st.integers(0, 255)
UNICODE_DIGITS = st.characters(whitelist_categories=("Nd", "No")).filter(lambda c: not c.isascii())
SPACES = st.sampled_from([" ", "\t", "\n", "\r", "\x0b", "\x0c", "\u00a0", "\u2003", "\u3000"])


@st.composite
def near_miss(draw) -> str:
    """a valid address with one thing changed, the way sloppy parsers let through"""
    parts = [str(draw(octet)) for _ in range(4)]
    i = draw(st.integers(0, 3))
    kind = draw(st.sampled_from(["zero", "unicode", "space", "sign", "empty", "big", "count", "underscore", "char"]))
    if kind == "zero":
        parts[i] = "0" * draw(st.integers(1, 2)) + parts[i]
    elif kind == "unicode":
        j = draw(st.integers(0, len(parts[i]) - 1))
        parts[i] = parts[i][:j] + draw(UNICODE_DIGITS) + parts[i][j + 1:]
    elif kind == "space":
        where = draw(st.sampled_from(["before", "after", "end", "start"]))
        space = draw(SPACES)
        if where == "start":
            return space + ".".join(parts)
        if where == "end":
            return ".".join(parts) + space
        parts[i] = space + parts[i] if where == "before" else parts[i] + space
    elif kind == "sign":
        parts[i] = draw(st.sampled_from("+-")) + parts[i]
    elif kind == "empty":
        parts[i] = ""
    elif kind == "big":
        parts[i] = str(draw(st.integers(256, 10 ** 6)))
    elif kind == "count":
        extra = [str(draw(octet)) for _ in range(draw(st.integers(1, 2)))]
        parts = parts + extra if draw(st.booleans()) else parts[:draw(st.integers(1, 3))]
    elif kind == "underscore":
        parts[i] = parts[i] + "_" + str(draw(st.integers(0, 9)))
    else:
        j = draw(st.integers(0, len(parts[i])))
        parts[i] = parts[i][:j] + draw(st.characters(blacklist_categories=("Cs",))) + parts[i][j:]
    return ".".join(parts)


@given(st.integers(0, 2 ** 32 - 1))
def test_round_trip_property(number):
    """int_to_ipv4 and ipv4_to_int agree with ipaddress and undo each other"""
    want = str(ipaddress.IPv4Address(number))
    text = int_to_ipv4(number)
    assert text == want, f"int_to_ipv4({number}) should be {want!r}, got {text!r}"
    assert ipv4_to_int(text) == number, f"ipv4_to_int({text!r}) should be {number}"
    assert is_valid_ipv4(text) is True, f"{text!r} is a valid address"


@given(near_miss())
def test_near_miss_property(address):
    """on addresses with one thing changed, you agree with ipaddress.IPv4Address"""
    check_valid(address)
    want = oracle(address)
    if want is not None:
        assert ipv4_to_int(address) == want, f"ipv4_to_int({address!r}) should be {want}"
    else:
        with pytest.raises(ValueError):
            ipv4_to_int(address)
            pytest.fail(f"ipv4_to_int({address!r}) should raise ValueError: {why_invalid(address)}")


@given(st.text(st.sampled_from("0123456789..  \n+-_٣０²x"), max_size=16))
def test_random_text_property(address):
    """on random strings of digits, dots and look-alikes, you agree with ipaddress.IPv4Address"""
    check_valid(address)


@given(network=st.integers(0, 2 ** 32 - 1), prefix=st.integers(0, 32), address=st.integers(0, 2 ** 32 - 1),
       near=st.booleans(), offset=st.integers(-3, 3))
def test_in_cidr_property(network, prefix, address, near, offset):
    """in_cidr agrees with ipaddress.IPv4Network for any network and prefix"""
    net = ipaddress.IPv4Network((network, prefix), strict=False)
    cidr = f"{net.network_address}/{prefix}"
    if near:  # just inside or outside one of the network's edges
        edge = int(net.broadcast_address) if offset > 0 else int(net.network_address)
        address = min(max(edge + offset, 0), 2 ** 32 - 1)
    text = str(ipaddress.IPv4Address(address))
    want = ipaddress.IPv4Address(address) in net
    got = in_cidr(text, cidr)
    assert got is want, f"in_cidr({text!r}, {cidr!r}) should be {want}: the network runs from " \
                        f"{net.network_address} to {net.broadcast_address}"
