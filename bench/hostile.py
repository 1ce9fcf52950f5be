"""Hostile and extreme DOCX files, and the bench of reading or refusing them.

``python bench/hostile.py`` prints, for each file, the wall time and peak memory (RSS) of
``minutes-app revisions FILE.docx`` in its own process (target: < 2 s and < 300 MB for any
DOCX up to 50 MB), and the time of importing 5,000 rows that lost their ids (target < 3 s).
The generators are shared with ``tests/faults``.
"""

from __future__ import annotations

import os
import random
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MIB = 1024 * 1024
_HEAD = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
         "<w:body><w:tbl>")
_TAIL = "</w:tbl></w:body></w:document>"


def _row(i: int, rng: random.Random) -> str:
    words = " ".join(str(rng.randrange(100)) for _ in range(3))
    return (f"<w:tr><w:tc><w:p><w:r><w:t>{i}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>"
            f"Row {words}</w:t></w:r></w:p></w:tc></w:tr>")


def table_xml(target_bytes: int, seed: int = 1) -> bytes:
    """A document.xml of small table rows, about ``target_bytes`` long (compresses ~80:1)."""
    rng = random.Random(seed)
    parts, size, i = [_HEAD], len(_HEAD), 0
    while size < target_bytes:
        row = _row(i, rng)
        parts.append(row)
        size += len(row)
        i += 1
    parts.append(_TAIL)
    return "".join(parts).encode()


def write_docx(path: Path, document_xml: bytes, extra: dict[str, bytes] | None = None,
               method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip with the parts a reader looks at."""
    with zipfile.ZipFile(path, "w", method) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    return path


def bomb_of_rows(path: Path, mib: int) -> Path:
    """The issue's case: a small file whose document.xml unpacks to ``mib`` MiB of rows."""
    return write_docx(path, table_xml(mib * MIB))


def many_elements(path: Path, paragraphs: int = 200_000) -> Path:
    """A document.xml under the size cap holding 4 elements per paragraph (800,000 by
    default: more than any minutes can)."""
    one = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    body = _HEAD.replace("<w:tbl>", "") + one * paragraphs + "</w:body></w:document>"
    return write_docx(path, body.encode(), method=zipfile.ZIP_STORED)  # not a bomb by ratio


# (offset in the local header, offset in the central directory entry, struct format)
_FIELDS = {"flags": (6, 8, "<H"), "method": (8, 10, "<H"), "size": (22, 24, "<I")}


def patch_zip_header(path: Path, member: str, field: str, value: int) -> Path:
    """Rewrite one field of ``member``'s zip headers (both copies), as a crafted file would."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    local_at, central_at, fmt = _FIELDS[field]
    for magic, name_at, field_at in ((b"PK\x03\x04", 26, local_at),
                                     (b"PK\x01\x02", 28, central_at)):
        start = data.find(magic)
        while start != -1:
            n_len = struct.unpack_from("<H", data, start + name_at)[0]
            head = 30 if magic == b"PK\x03\x04" else 46
            if data[start + head: start + head + n_len] == name:
                struct.pack_into(fmt, data, start + field_at, value)
            start = data.find(magic, start + 4)
    path.write_bytes(bytes(data))
    return path


def lying_sizes(path: Path, mib: int = 60) -> Path:
    """A zip whose headers declare a tiny document.xml that really unpacks to ``mib`` MiB."""
    write_docx(path, table_xml(mib * MIB))
    return patch_zip_header(path, "word/document.xml", "size", 4096)


def with_media(working: Path, path: Path, mib: int) -> Path:
    """A real working copy carrying ``mib`` MiB of incompressible pictures."""
    with zipfile.ZipFile(working) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, src.read(info))
        z.writestr("word/media/photo.jpeg", os.urandom(mib * MIB), compress_type=zipfile.ZIP_STORED)
    return path


def rows_without_ids(working: Path, path: Path, keep: int = 1) -> Path:
    """Our working copy returned with every paragraph id lost but the first ``keep``."""
    import re

    with zipfile.ZipFile(working) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    seen = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        return match.group(0) if seen <= keep else ""

    xml = re.sub(r'<w:bookmarkStart w:id="\d+" w:name="_mp_\d+"/>', drop,
                 parts["word/document.xml"].decode())
    parts["word/document.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def extra_rows(working: Path, path: Path, rows: int) -> Path:
    """Our working copy returned with ``rows`` new rows (no ids) added at the end."""
    with zipfile.ZipFile(working) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    xml = parts["word/document.xml"].decode()
    end = xml.rindex("</w:tbl>")
    rng = random.Random(7)
    new = "".join(_row(1000 + i, rng).replace(
        "Row ", f"A row of the other Side {i} ") for i in range(rows))
    parts["word/document.xml"] = (xml[:end] + new + xml[end:]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _measure(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit code of ``minutes-app ARGS`` in its own process."""
    code = ("import sys, time; from minutes_app.cli.main import main; t = time.perf_counter();"
            " rc = main(sys.argv[1:]); hwm = [x for x in open('/proc/self/status') if "
            "x.startswith('VmHWM')][0].split()[1]; "
            "sys.stderr.write(f'\\n@@{time.perf_counter() - t} {hwm}\\n'); sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    line = [x for x in done.stderr.splitlines() if x.startswith("@@")][-1]
    seconds, rss = line[2:].split()
    return float(seconds), int(rss) / 1024, done.returncode


def main() -> None:
    """Print the table."""
    from bench.synthetic import synthetic
    from minutes_app.docx_io.working import write_working
    from minutes_app.store import MinutesFile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        working = folder / "w5000.docx"
        m = synthetic(5000)
        write_working(m, working)
        cases = {
            "5,000-paragraph working copy": working,
            "working copy + 50 MB of pictures": with_media(working, folder / "media.docx", 50),
            "rows unpacking to 190 MB": bomb_of_rows(folder / "bomb.docx", 190),
            "rows of 39 MB (under the size cap)": bomb_of_rows(folder / "cap.docx", 39),
            "headers lying about 60 MB": lying_sizes(folder / "lie.docx"),
            "800,000 elements in 7 MB": many_elements(folder / "many.docx"),
            "496,000 elements (under the cap)": many_elements(folder / "under.docx", 124_000),
        }
        print(f"\n{'DOCX (revisions FILE)':<40} {'MB':>6} {'s':>6} {'peak MB':>8} {'exit':>5}")
        for label, path in cases.items():
            seconds, rss, rc = _measure(["revisions", str(path)])
            size = path.stat().st_size / MIB
            print(f"{label:<40} {size:6.1f} {seconds:6.2f} {rss:8.0f} {rc:5d}")
        small = synthetic(5000)
        doc = folder / "doc.minutes"
        MinutesFile.create(doc, small).close()
        returned = rows_without_ids(working, folder / "lost.docx")
        t0 = time.perf_counter()
        seconds, rss, rc = _measure(["import", str(doc), str(returned), "--from", "RU",
                                     "--accept-uncertain"])
        print(f"{'import of 5,000 rows without ids':<40} {returned.stat().st_size / MIB:6.1f} "
              f"{seconds:6.2f} {rss:8.0f} {rc:5d}  (process {time.perf_counter() - t0:.2f} s)")


if __name__ == "__main__":
    main()
