"""The Qt interface: the only package that imports PySide6."""

# Imports create tens of thousands of objects and free almost none: the cyclic collector, which
# walks everything alive at each pass, is paused while these modules load (as in ``app`` and
# while the first window is built). Reference counting frees as usual meanwhile. What they
# made lives as long as the process: it is frozen (never walked again) rather than left in the
# youngest generation, whose first collection would walk it all.
import gc

_collecting = gc.isenabled()
gc.disable()

# The core first: PySide6 reads the source of every module imported after it (its
# ``__feature__`` import hook looks for the word "PySide6"), which costs start-up time for
# modules that never touch Qt.
import minutes_app.i18n  # noqa: E402
import minutes_app.model  # noqa: E402
import minutes_app.store  # noqa: E402
import minutes_app.tracking.ops  # noqa: E402, F401

gc.freeze()
if _collecting:
    gc.enable()
