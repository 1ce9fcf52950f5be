"""The digits beyond ASCII listed from their runs' zeros are every one Python knows."""

from __future__ import annotations

import re
import unicodedata

from minutes_app.checks import val_digits


def test_the_listed_digits_are_every_decimal_digit() -> None:
    assert val_digits.other_digits() == val_digits.every_other_digit()


def test_the_zeros_are_those_of_the_unicode_python_carries() -> None:
    assert unicodedata.unidata_version == val_digits._VERSION  # else the list is read anew
    for zero in val_digits._ZEROS:
        run = "".join(chr(zero + i) for i in range(10))
        assert [unicodedata.decimal(c) for c in run] == list(range(10))
        assert re.fullmatch(r"\d{10}", run) and run.isdecimal()
