"""The Qt interface: the only package that imports PySide6."""

# The core first: PySide6 reads the source of every module imported after it (its
# ``__feature__`` import hook looks for the word "PySide6"), which costs start-up time for
# modules that never touch Qt.
import minutes_app.i18n
import minutes_app.model
import minutes_app.store
import minutes_app.tracking.ops  # noqa: F401
