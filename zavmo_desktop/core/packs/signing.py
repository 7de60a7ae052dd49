"""Ed25519 signatures over the manifest, with the maintained `cryptography` package.

Keys on disk are PEM (PKCS#8 private, SubjectPublicKeyInfo public). Trusted keys are given
to verify as raw 32-byte public keys, the form an organisation config can carry in hex.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


class SigningError(Exception):
    """A key that cannot be used; the message says why."""


def generate_key_pair(private_pem: Path, public_pem: Path) -> bytes:
    """Write a new key pair as PEM files; returns the raw public key."""
    key = Ed25519PrivateKey.generate()
    private_pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    public = key.public_key()
    public_pem.write_bytes(
        public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return raw_public_key(public)


def raw_public_key(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as error:
        raise SigningError(
            f"{path}: is not a readable unencrypted PEM private key ({error})"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path}: is not an Ed25519 key; make one with `pack keygen`")
    return key


def load_public_key_file(path: Path) -> bytes:
    """A PEM public key file as the raw 32 bytes that verify takes."""
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError) as error:
        raise SigningError(f"{path}: is not a readable PEM public key ({error})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError(f"{path}: is not an Ed25519 public key")
    return raw_public_key(key)


def sign(manifest: bytes, key: Ed25519PrivateKey) -> bytes:
    return key.sign(manifest)


def signed_by_trusted_key(manifest: bytes, signature: bytes, trusted: Sequence[bytes]) -> bool:
    for raw in trusted:
        try:
            Ed25519PublicKey.from_public_bytes(raw).verify(signature, manifest)
            return True
        except (InvalidSignature, ValueError):
            continue
    return False
