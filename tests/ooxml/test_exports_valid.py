"""Every export kind and option validates against ISO/IEC 29500 Transitional (Word's order)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from minutes_app.docx_io.report import write_report
from minutes_app.docx_io.signing import write_signing
from minutes_app.docx_io.working import write_working
from minutes_app.model import Minutes, Side
from minutes_app.workflows.templates import demo
from tests.exports.documents import trilingual
from tests.exports.schema import assert_valid_docx

Write = Callable[[Minutes, Path], object]
OPEN: dict[str, Write] = {
    "working side-by-side": lambda m, p: write_working(m, p, layout="side-by-side"),
    "working consecutive": lambda m, p: write_working(m, p, layout="consecutive"),
    "report of open items": lambda m, p: write_report(m, p),
    "report of everything": lambda m, p: write_report(m, p, only_open=False),
}
SIGNING = [(side, layout, initials) for side in Side
           for layout in ("consecutive", "side-by-side") for initials in (False, True)]


@pytest.mark.parametrize("kind", sorted(OPEN))
@pytest.mark.parametrize("document", ["open", "agreed", "trilingual"])
def test_working_copies_and_reports_are_valid(kind: str, document: str, tmp_path: Path) -> None:
    m = {"open": demo, "agreed": lambda: demo(agreed=True), "trilingual": trilingual}[document]()
    path = tmp_path / "out.docx"
    OPEN[kind](m, path)
    assert_valid_docx(path)


@pytest.mark.parametrize(("side", "layout", "initials"), SIGNING)
def test_signing_originals_are_valid(side: Side, layout: str, initials: bool,
                                     tmp_path: Path) -> None:
    path = tmp_path / "out.docx"
    write_signing(demo(agreed=True), path, side, layout, initials=initials)
    assert_valid_docx(path)
