"""The PIN: a salted scrypt hash, compared in constant time, and the waits after wrong tries."""

from __future__ import annotations

import hashlib

from zavmo_desktop.core.profiles.pin import (
    MAX_WAIT_S,
    PinHash,
    hash_pin,
    pin_matches,
    pin_problem,
    wait_after,
    wait_in_words,
)


def test_a_pin_is_kept_only_as_a_salted_scrypt_hash() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert len(first.salt) == 16 and first.salt != second.salt  # a new random salt each time
    assert first.key != second.key
    assert (first.n, first.r, first.p) == (2**14, 8, 1)
    expected = hashlib.scrypt(b"2468", salt=first.salt, n=2**14, r=8, p=1, dklen=32)
    assert first.key == expected
    assert b"2468" not in repr(first.as_json()).encode()


def test_the_right_pin_matches_and_others_do_not() -> None:
    stored = hash_pin("2468")
    assert pin_matches("2468", stored)
    for wrong in ("2469", "246", "24680", "", " 2468"):
        assert not pin_matches(wrong, stored)


def test_a_stored_hash_survives_the_round_trip_through_json() -> None:
    stored = hash_pin("135790")
    again = PinHash.from_json(stored.as_json())
    assert again == stored and pin_matches("135790", again)


def test_damaged_parameters_are_a_wrong_pin_not_a_crash() -> None:
    stored = hash_pin("2468")
    broken = PinHash(stored.key, stored.salt, n=3, r=8, p=1)  # n must be a power of two
    assert not pin_matches("2468", broken)


def test_a_new_pin_must_be_four_to_twelve_digits() -> None:
    assert pin_problem("2468") == "" and pin_problem("123456789012") == ""
    assert "4 to 12" in pin_problem("123")
    assert "4 to 12" in pin_problem("1234567890123")
    assert "digits only" in pin_problem("12a4")
    assert "digits only" in pin_problem("١٢٣٤")  # Arabic-Indic digits: not on every keyboard


def test_three_free_tries_then_a_doubling_wait_up_to_five_minutes() -> None:
    waits = [wait_after(failed) for failed in range(1, 13)]
    assert waits[:3] == [0, 0, 0]
    assert waits[3:8] == [2, 4, 8, 16, 32]
    assert max(waits) == MAX_WAIT_S == 300
    assert wait_after(10_000) == 300  # no overflow however many tries


def test_waits_are_told_in_words_rounded_up() -> None:
    assert wait_in_words(2) == "2 seconds"
    assert wait_in_words(0.2) == "1 second"
    assert wait_in_words(60) == "1 minute"
    assert wait_in_words(127.5) == "2 minutes 8 seconds"
