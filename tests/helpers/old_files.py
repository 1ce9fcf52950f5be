"""Files of earlier versions, made from a current one by undoing each later migration."""

from __future__ import annotations

import sqlite3


def before_v4(conn: sqlite3.Connection) -> None:
    """Undo version 4's schema change: rounds were append-only, none could be withdrawn."""
    conn.execute("DROP TRIGGER round_no_delete")
    conn.execute("CREATE TRIGGER round_no_delete BEFORE DELETE ON round\n"
                 "    BEGIN SELECT RAISE(ABORT, 'rounds are append-only'); END")
