"""Files of earlier versions, made from a current one by undoing each later migration."""

from __future__ import annotations

import sqlite3

from minutes_app.store.schema import SCHEMA_V1


def before_v4(conn: sqlite3.Connection) -> None:
    """Undo version 4's schema change: rounds were append-only, none could be withdrawn."""
    [trigger] = [s for s in SCHEMA_V1.split(";\n") if "TRIGGER round_no_delete" in s]
    conn.execute("DROP TRIGGER round_no_delete")
    conn.execute(trigger.strip())
