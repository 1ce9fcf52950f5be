"""Random keys: a document's id, a free annex's key."""

from __future__ import annotations

import os


def random_hex(size: int = 8) -> str:
    """``size`` random bytes as hex (``secrets.token_hex``'s work, without importing
    ``secrets``: it loads OpenSSL, milliseconds at every start-up)."""
    return os.urandom(size).hex()
