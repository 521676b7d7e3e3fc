import math
import string
from collections import Counter
from itertools import permutations

import pytest

from password_generator import DIGITS, LOWERCASE, SYMBOLS, UPPERCASE, generate_password, main
from pyexercise.checklib import assert_not_used, forbidden_uses, run_main

CLASSES = {"lowercase": string.ascii_lowercase, "uppercase": string.ascii_uppercase,
           "digits": string.digits, "symbols": "!#$%&*+-.:;=?@^_~"}
ALL = "".join(CLASSES.values())

# The statistical tests below allow 7.5 standard deviations either way. With about 150 such
# comparisons a correct generator fails them with probability well below one in a billion,
# while a generator that always puts the digit first, or favours some characters, fails at once.
Z = 7.5
N, LENGTH = 4000, 10


KIND = {c: name for name, chars in CLASSES.items() for c in chars}


def kind(ch):
    return KIND[ch]


@pytest.fixture(scope="module")
def sample():
    return [generate_password(LENGTH) for _ in range(N)]


def test_constants_unchanged():
    """the character classes are the ones given"""
    assert (LOWERCASE, UPPERCASE, DIGITS, SYMBOLS) == tuple(CLASSES.values()), "don't change the given constants"
    generate_password(8)


def test_uses_secrets_not_random():
    """passwords come from `secrets`, never from the predictable `random` module"""
    generate_password(8)
    assert_not_used("the `random` module (its generator is predictable)", imports=["random", "numpy"])
    assert forbidden_uses(imports=["secrets"]), "import secrets and use it: it is the module made for passwords"


def test_length_and_classes(sample):
    """every password has the right length, only allowed characters, and one of each class"""
    for pw in sample[:500]:
        assert type(pw) is str, f"generate_password should return a str, got {pw!r}"
        assert len(pw) == LENGTH, f"generate_password({LENGTH}) returned {pw!r}, of length {len(pw)}"
        bad = set(pw) - set(ALL)
        assert not bad, f"{pw!r} contains characters outside the four classes: {sorted(bad)!r}"
        missing = [name for name, chars in CLASSES.items() if not set(pw) & set(chars)]
        assert not missing, f"{pw!r} has no {', no '.join(missing)}: every enabled class must appear"
    for length in (4, 5, 64, 1000):
        pw = generate_password(length)
        assert len(pw) == length and all(set(pw) & set(c) for c in CLASSES.values()), (
            f"generate_password({length}) should have length {length} and all four classes, got {pw!r}")


def test_passwords_differ(sample):
    """passwords are random: no two in thousands are the same"""
    assert len(set(sample)) == len(sample), "some passwords repeated: they are not random enough"
    assert generate_password() != generate_password(), "two calls gave the same password"
    assert len(generate_password()) == 16, "the default length is 16"


def test_every_character_appears_evenly(sample):
    """over thousands of passwords every allowed character appears, none favoured in its class"""
    counts = Counter("".join(sample))
    never = sorted(set(ALL) - set(counts))
    assert not never, f"in {N} passwords these characters never appeared: {''.join(never)!r}"
    for name, chars in CLASSES.items():
        mean = sum(counts[c] for c in chars) / len(chars)
        for c in chars:
            assert abs(counts[c] - mean) <= Z * math.sqrt(mean) + 1, (
                f"{c!r} appeared {counts[c]} times, but the average {name[:-1]} character appeared {mean:.0f} "
                "times: the choice is biased (use secrets.choice, not arithmetic on random bytes)")


def test_every_position_equally_random(sample):
    """each class is as likely at the first position as at the last"""
    for name in CLASSES:
        per_position = [sum(1 for pw in sample if KIND.get(pw[i]) == name) for i in range(LENGTH)]
        mean = sum(per_position) / LENGTH
        for i, n in enumerate(per_position):
            assert abs(n - mean) <= Z * math.sqrt(mean) + 1, (
                f"position {i} held {name} in {n} of {N} passwords, other positions about {mean:.0f}: the "
                "guaranteed characters sit in fixed places. Shuffle the characters (secrets.SystemRandom().shuffle)")


def test_shortest_passwords_in_every_order():
    """with length 4 (one of each class) all 24 orders of the classes occur"""
    seen = Counter()
    for _ in range(2500):
        pw = generate_password(4)
        assert sorted(kind(c) for c in pw) == sorted(CLASSES), f"{pw!r} should hold exactly one of each class"
        seen[tuple(kind(c) for c in pw)] += 1
    missing = [order for order in permutations(CLASSES) if order not in seen]
    assert not missing, (f"in 2500 four-character passwords the classes never came in the order {missing[0]}: "
                         "the order must be random too")


def test_switching_classes_off():
    """switched-off classes never appear; repeats are allowed"""
    for _ in range(300):
        pw = generate_password(12, symbols=False)
        assert not set(pw) & set(SYMBOLS), f"symbols=False but {pw!r} has a symbol"
        assert all(set(pw) & set(CLASSES[k]) for k in ("lowercase", "uppercase", "digits")), pw
    pin = generate_password(100, lowercase=False, uppercase=False, symbols=False)
    assert len(pin) == 100 and set(pin) <= set(DIGITS), (
        f"100 digits only: characters must be allowed to repeat (don't use sample()), got {pin!r}")
    letters = {c for _ in range(200) for c in generate_password(30, digits=False, symbols=False)}
    assert letters == set(LOWERCASE + UPPERCASE), "digits=False, symbols=False should give letters, all of them"
    one = generate_password(1, uppercase=False, digits=False, symbols=False)
    assert len(one) == 1 and one in LOWERCASE, f"one lowercase letter expected, got {one!r}"


def test_invalid_arguments():
    """too short, nothing enabled -> ValueError; a length that is not an int -> TypeError"""
    for length in (3, 1, 0, -5):
        with pytest.raises(ValueError):
            generate_password(length)
    with pytest.raises(ValueError):
        generate_password(1, digits=False)
    assert len(generate_password(2, lowercase=False, uppercase=False)) == 2, "two classes fit in length 2"
    with pytest.raises(ValueError):
        generate_password(12, lowercase=False, uppercase=False, digits=False, symbols=False)
    for length in ("12", 12.0, None):
        with pytest.raises(TypeError):
            generate_password(length)


def test_cli(capsys):
    """main prints COUNT passwords of LENGTH, honouring --no-* options"""
    code, out, err = run_main(main, [], capsys=capsys)
    assert code == 0 and len(out.splitlines()) == 1 and len(out.strip()) == 16, f"no arguments: one 16-character password, got {out!r}"
    code, out, err = run_main(main, ["20", "--no-symbols", "-n", "3"], capsys=capsys)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3, f"`20 --no-symbols -n 3` should print 3 lines, got {out!r}"
    assert all(len(pw) == 20 and not set(pw) & set(SYMBOLS) for pw in lines), f"got {lines!r}"
    code, out, err = run_main(main, ["6", "--no-lowercase", "--no-uppercase", "--no-symbols"], capsys=capsys)
    assert code == 0 and out.strip().isdigit() and len(out.strip()) == 6, f"a 6-digit PIN expected, got {out!r}"


def test_cli_errors(capsys):
    """impossible requests print an error to stderr and exit 2"""
    for argv in (["3"], ["12", "-n", "0"], ["8", "--no-lowercase", "--no-uppercase", "--no-digits", "--no-symbols"],
                 ["twelve"]):
        code, out, err = run_main(main, argv, capsys=capsys)
        assert code == 2, f"main({argv!r}) should exit with 2, got {code}"
        assert out == "" and "error" in err, f"main({argv!r}): the error belongs on stderr, got out={out!r} err={err!r}"
