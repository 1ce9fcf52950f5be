"""Holds a .minutes file open until killed: python -m tests.helpers.holder FILE."""

from __future__ import annotations

import sys
import time

from minutes_app.store import MinutesFile

if __name__ == "__main__":
    f, _ = MinutesFile.open(sys.argv[1])
    print("holding", flush=True)
    time.sleep(600)
