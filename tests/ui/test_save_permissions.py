"""The window's Save As and Export replace a file as the command line does (files12, item 1):
the replaced file's mode, group and access list are kept, a link is followed, and a read-only
file is refused with a sentence, nothing lost."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtWidgets import QWidget

from minutes_app.model import Side
from minutes_app.outputs import ACCESS_LIST
from minutes_app.store import MinutesFile
from minutes_app.ui.dialogs.export import ExportDialog
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.messages import FileChooser
from tests.test_outputs_permissions import _access_list, _other_group

OLD = b"an original signed yesterday"


class Chooser(FileChooser):
    """Answers the save question with a fixed path (the dialog asked before replacing)."""

    def __init__(self, parent: QWidget, answer: str) -> None:
        super().__init__(parent)
        self.answer = answer

    def save_file(self, title: str, default: str, filter_text: str, suffix: str = ""
                  ) -> str | None:
        return self.answer


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _shared(path: Path, data: bytes) -> int | None:
    """Write ``path`` as a desk officer shared it: 0640, a group, a named reader."""
    path.write_bytes(data)
    os.chmod(path, 0o640)
    group = _other_group()
    if group is not None:
        os.chown(path, -1, group)
    os.setxattr(path, ACCESS_LIST, _access_list(0o640))
    return group


def test_save_as_over_a_shared_file_keeps_its_permissions(window: MainWindow,
                                                          tmp_path: Path) -> None:
    target = tmp_path / "shared" / "copy.minutes"
    target.parent.mkdir()
    MinutesFile.create(tmp_path / "old.minutes", window.doc.minutes).close()
    os.replace(tmp_path / "old.minutes", target)  # an older document kept under that name
    group = _shared(target, target.read_bytes())
    link = tmp_path / "link.minutes"
    link.symlink_to(target)
    window.files.chooser = Chooser(window, str(link))
    window.files.save_as()
    assert window.doc.path == link and link.is_symlink()  # the link kept, its file replaced
    assert _mode(target) == 0o640
    if group is not None:
        assert target.stat().st_gid == group
    assert os.getxattr(target, ACCESS_LIST) == _access_list(0o640)
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.minutes"]
    copy, m = MinutesFile.open(target, read_only=True)
    copy.close()
    assert m.document_id == window.doc.minutes.document_id


def test_save_as_over_a_read_only_file_is_refused(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "kept.minutes"
    target.write_bytes(OLD)
    os.chmod(target, 0o444)
    errors: list[str] = []
    window.show_error = lambda message, title="": errors.append(message)
    before = window.doc.path
    window.files.chooser = Chooser(window, str(target))
    window.files.save_as()
    assert errors == [f"{target} is read-only: it was not replaced (nothing was written). "
                      "Make it writable, or choose another name."]
    assert window.doc.path == before and target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def _working(window: MainWindow) -> ExportDialog:
    dialog = ExportDialog(Side.KR, False, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("working"))
    dialog.exec = lambda: 1
    return dialog


def test_export_over_a_shared_file_keeps_its_permissions(window: MainWindow,
                                                         tmp_path: Path) -> None:
    window.show_message_box = lambda box: None
    out = tmp_path / "working.docx"
    group = _shared(out, OLD)
    assert window.exports.run(dialog=_working(window), path=str(out)) == out
    assert out.read_bytes() != OLD and _mode(out) == 0o640
    if group is not None:
        assert out.stat().st_gid == group
    assert os.getxattr(out, ACCESS_LIST) == _access_list(0o640)


def test_export_over_a_read_only_file_is_refused(window: MainWindow, tmp_path: Path) -> None:
    shown: list[str] = []
    window.show_message_box = lambda box: shown.append(box.text())
    out = tmp_path / "original.docx"
    out.write_bytes(OLD)
    os.chmod(out, 0o444)
    assert window.exports.run(dialog=_working(window), path=str(out)) is None
    assert shown and "is read-only: it was not replaced" in shown[0], shown
    assert out.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
