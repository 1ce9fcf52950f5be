"""PDF through LibreOffice, when it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from minutes_app.errors import MinutesError

CANDIDATES = ("soffice", "libreoffice")


def find_office() -> str | None:
    """The LibreOffice executable, or None."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def fontconfig_file(folder: Path) -> Path:
    """A fontconfig file: the system's configuration plus our bundled fonts (Nanum Myeongjo)."""
    from minutes_app.resources import resource

    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{escape(str(resource('fonts')))}</dir>\n"
        f"  <cachedir>{escape(str(folder / 'fc-cache'))}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    return conf


def docx_to_pdf(docx: Path, pdf: Path, timeout: float = 180) -> Path:
    """Convert with a private LibreOffice profile (concurrent runs must not share one)."""
    office = find_office()
    if office is None:
        raise MinutesError("PDF export needs LibreOffice, which is not installed. Install it "
                           "(Debian: libreoffice-writer-nogui) or export DOCX and print from Word.")
    with tempfile.TemporaryDirectory(prefix="minutes-lo-") as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        cmd = [office, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(outdir), str(docx)]
        env = dict(os.environ)
        if sys.platform.startswith("linux"):  # the bundled fonts even where none is installed
            env["FONTCONFIG_FILE"] = str(fontconfig_file(Path(tmp)))
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, env=env)
        except subprocess.TimeoutExpired:
            raise MinutesError("LibreOffice did not finish converting to PDF in time.") from None
        produced = outdir / (docx.stem + ".pdf")
        if not produced.exists():  # LibreOffice can fail silently: check the output
            raise MinutesError("LibreOffice could not convert {docx_name} to PDF.",
                               docx_name=docx.name)
        from minutes_app.outputs import write_atomically

        write_atomically(pdf, produced.read_bytes())  # as the file it replaces was
    return pdf
