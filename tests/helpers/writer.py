"""A writer process for crash tests: edits a file forever, reporting each committed edit.

Usage: python -m tests.helpers.writer FILE. Prints ``committed <i> <pid>`` after each commit.
"""

from __future__ import annotations

import sys

from minutes_app.model import Lang, SetText
from minutes_app.store import MinutesFile


def main() -> None:
    f, m = MinutesFile.open(sys.argv[1])
    ids = [p.id for p in m.paragraphs()]
    i = 0
    while True:
        pid = ids[i % len(ids)]
        _, change = SetText(pid, Lang.KO, f"편집 {i}번째 양측은 합의하였다").apply(m)
        f.write(m, change)
        print(f"committed {i} {pid}", flush=True)
        i += 1


if __name__ == "__main__":
    main()
