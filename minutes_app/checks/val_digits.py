"""The decimal digits beyond ASCII (Unicode's category Nd, what ``\\d`` and ``str.isdecimal``
match), listed without asking each of the 1.1 million code points.

Unicode encodes every decimal digit in a run of ten, 0 to 9, and never moves one: the runs'
zeros of the Unicode version Python carries are enough. Asking every code point took 70 ms each
time the checks were first imported (the window's first check, every ``minutes-app check``).
"""

from __future__ import annotations

import unicodedata

# the zeros of every run of ten digits beyond ASCII in Unicode 14.0.0 (Python 3.11); any other
# version is read code point by code point (tests/checks/test_val_digits.py compares the two)
_VERSION = "14.0.0"
_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
)


def every_other_digit() -> list[str]:
    """The decimal digits beyond ASCII, code point by code point (the reference)."""
    return [chr(c) for c in range(0x80, 0x110000) if chr(c).isdecimal()]


def other_digits() -> list[str]:
    """The decimal digits beyond ASCII, in code point order."""
    if unicodedata.unidata_version != _VERSION:
        return every_other_digit()
    return [chr(zero + i) for zero in _ZEROS for i in range(10)]
