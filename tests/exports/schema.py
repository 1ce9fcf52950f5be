"""The one check every export test calls: the DOCX validates as Word would require."""

from __future__ import annotations

from pathlib import Path

from tests.ooxml.validate import errors_of


def assert_valid_docx(path: str | Path) -> None:
    """Every part of ``path`` validates against ISO/IEC 29500 Transitional, in Word's order."""
    errors = errors_of(path)
    assert not errors, f"{Path(path).name} is not valid WordprocessingML:\n" + "\n".join(
        errors[:20])
