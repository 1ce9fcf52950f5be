"""The .minutes file: open, save, incremental writes, locking, schema migrations."""

from minutes_app.store.file import SUFFIX, MinutesFile
from minutes_app.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "SUFFIX", "MinutesFile"]
