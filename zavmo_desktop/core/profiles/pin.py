"""A profile's PIN: stored only as a salted scrypt hash, and a growing wait after wrong tries.

The PIN keeps one learner on a shared laptop out of another's learning space in the app.
It does not encrypt anything: whoever can log in to the computer's account can read the
files (docs/profiles.md says so).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

SALT_BYTES = 16
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
KEY_BYTES = 32
MIN_DIGITS, MAX_DIGITS = 4, 12
FREE_TRIES = 3  # wrong tries before any wait: a slip of the finger costs nothing
MAX_WAIT_S = 300.0  # five minutes at the most, however many wrong tries


@dataclass(frozen=True)
class PinHash:
    key: bytes
    salt: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def as_json(self) -> dict[str, object]:
        return {"scrypt": self.key.hex(), "salt": self.salt.hex(),
                "n": self.n, "r": self.r, "p": self.p}  # fmt: skip

    @classmethod
    def from_json(cls, stored: dict[str, object]) -> PinHash:
        return cls(
            key=bytes.fromhex(str(stored["scrypt"])),
            salt=bytes.fromhex(str(stored["salt"])),
            n=int(str(stored["n"])),
            r=int(str(stored["r"])),
            p=int(str(stored["p"])),
        )


def pin_problem(pin: str) -> str:
    """What is wrong with a new PIN, in plain words; "" when it is fine."""
    if not pin.isdigit() or not pin.isascii():
        return f"A PIN is made of digits only (0 to 9), {MIN_DIGITS} to {MAX_DIGITS} of them."
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"A PIN has {MIN_DIGITS} to {MAX_DIGITS} digits; this one has {len(pin)}."
    return ""


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # maxmem: scrypt needs 128 * n * r bytes (16 MiB here); OpenSSL's default cap is 32 MiB.
    memory = 128 * n * r * 2 + 1024 * 1024
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=memory, dklen=KEY_BYTES)


def hash_pin(pin: str) -> PinHash:
    salt = secrets.token_bytes(SALT_BYTES)
    return PinHash(_derive(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P), salt)


def pin_matches(pin: str, stored: PinHash) -> bool:
    """Compared in constant time; the stored parameters are used, so older hashes still work."""
    try:
        candidate = _derive(pin, stored.salt, stored.n, stored.r, stored.p)
    except (ValueError, MemoryError):  # parameters from a damaged registry
        return False
    return hmac.compare_digest(candidate, stored.key)


def wait_after(failed_tries: int) -> float:
    """Seconds before the next try is accepted: 0, 0, 0, then 2, 4, 8 ... up to 5 minutes."""
    if failed_tries <= FREE_TRIES:
        return 0.0
    return min(MAX_WAIT_S, 2.0 ** min(failed_tries - FREE_TRIES, 20))


def wait_in_words(seconds: float) -> str:
    """ "8 seconds", "1 minute 30 seconds": rounded up, so a learner is never refused early."""
    whole = max(1, int(-(-seconds // 1)))
    minutes, rest = divmod(whole, 60)
    parts = [f"{minutes} minute{'s' if minutes != 1 else ''}"] if minutes else []
    parts += [f"{rest} second{'s' if rest != 1 else ''}"] if rest else []
    return " ".join(parts)
