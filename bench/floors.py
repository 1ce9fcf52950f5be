"""Floors: the least any program can spend on each task, measured on the same documents.

- hashing: hash every paragraph's text in every language (what any comparison must read);
- writing: the working copy's table of plain runs built with raw lxml (no python-docx, no
  revisions), serialised and deflated into a zip member, as a DOCX writer at least does;
- reading: unzip ``document.xml`` and ``lxml.etree.iterparse`` it, touching every text node.

``python bench/floors.py memory KIND N`` prints the peak RSS above start (MB) of one task in a
fresh process, for the memory ratios (``export``, ``import``, ``floor-write``, ``floor-read``).
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from minutes_app.model import Minutes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def hash_floor(m: Minutes) -> int:
    """Hash every paragraph's texts; returns how many were hashed."""
    count = 0
    for p in m.paragraphs():
        for lang in m.languages:
            hashlib.blake2b(p.text(lang).encode(), digest_size=16).digest()
            count += 1
    return count


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def write_floor(m: Minutes) -> bytes:
    """The table of plain runs with raw lxml, serialised and deflated."""
    sub = etree.SubElement
    root = etree.Element(_w("document"), nsmap={"w": W_NS})
    tbl = sub(sub(root, _w("body")), _w("tbl"))
    for p in m.paragraphs():
        tr = sub(tbl, _w("tr"))
        for text in (str(p.id), *(p.text(lang) for lang in m.languages), p.status.value):
            tc = sub(tr, _w("tc"))
            sub(sub(tc, _w("tcPr")), _w("tcW"), {_w("w"): "3000", _w("type"): "dxa"})
            r = sub(sub(tc, _w("p")), _w("r"))
            rpr = sub(r, _w("rPr"))
            sub(rpr, _w("rFonts"), {_w("ascii"): "Times New Roman", _w("eastAsia"): "Batang"})
            sub(rpr, _w("lang"), {_w("val"): "en-GB", _w("eastAsia"): "ko-KR"})
            t = sub(r, _w("t"), {XML_SPACE: "preserve"})
            t.text = text
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("word/document.xml", data)
    return out.getvalue()


def read_floor(path: Path) -> int:
    """Unzip ``document.xml`` and iterparse it, touching every text; returns the characters."""
    chars = 0
    with zipfile.ZipFile(path) as z, z.open("word/document.xml") as fh:
        for _event, element in etree.iterparse(fh, events=("end",)):
            if element.text:
                chars += len(element.text)
    return chars


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> None:
    """Linux: writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS."""
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


def memory(kind: str, n: int, returned: str = "") -> float:
    """Peak RSS above the start of the task (MB), in this process.

    The returned copy is made by another process (``returned``): parsing it here first would
    leave freed pages that the measured task reuses without growing the RSS.
    """
    from bench.export import negotiated
    from minutes_app.docx_io.working import write_working

    m = negotiated(n) if kind != "floor-read" else None
    import gc

    gc.collect()
    _reset_peak()
    start = _status_mb("VmRSS")
    if kind == "export":
        write_working(m, io.BytesIO())  # type: ignore[arg-type]
    elif kind == "floor-write":
        write_floor(m)  # type: ignore[arg-type]
    elif kind == "import":
        from minutes_app.docx_io.importer import plan_import
        from minutes_app.model import Side
        from minutes_app.tracking.rounds import snapshot

        assert m is not None
        m.rounds.append(snapshot(m, Side.KR, "2020-12-16T12:00:00Z"))  # as returned_copy does
        plan_import(m, Path(returned), Side.RU, "2020-12-17T09:00:00Z")
    else:
        read_floor(Path(returned))
    return _status_mb("VmHWM") - start


def memory_in_fresh_process(kind: str, n: int, returned: Path | None = None) -> float:
    """``memory`` measured in a process of its own (the peak is per process)."""
    import subprocess

    done = subprocess.run([sys.executable, __file__, "memory", kind, str(n), str(returned or "")],
                          check=True, capture_output=True, text=True)
    return float(json.loads(done.stdout.splitlines()[-1]))


if __name__ == "__main__" and sys.argv[1:2] == ["memory"]:
    print(json.dumps(memory(sys.argv[2], int(sys.argv[3]), sys.argv[4])))
