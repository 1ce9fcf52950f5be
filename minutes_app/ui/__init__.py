"""The Qt interface: the only package that imports PySide6."""

# Imports create tens of thousands of objects and free almost none: the cyclic collector, which
# walks everything alive at each pass, is paused while these modules load (as in ``app`` and
# while the first window is built). Reference counting frees as usual meanwhile. What they
# made lives as long as the process: it is frozen (never walked again) rather than left in the
# youngest generation, whose first collection would walk it all.
import gc
import sys

from minutes_app.gcpause import collector_paused


def freeze_loaded() -> None:
    """Freeze what is alive now (module objects), unless a Qt application already exists.

    Once Qt objects exist, freezing would take their wrappers too: frozen, they are never
    collected with their Qt objects, and when something unfreezes them later (the checks move
    a run's objects to the oldest generation by freeze and unfreeze) the collector walks
    wrappers whose Qt objects are gone, and crashes. A test process makes windows before it
    builds one through ``build_window``; the application never does.
    """
    core = sys.modules.get("PySide6.QtCore")
    if core is not None and core.QCoreApplication.instance() is not None:
        return
    gc.freeze()


# The core first: PySide6 reads the source of every module imported after it (its
# ``__feature__`` import hook looks for the word "PySide6"), which costs start-up time for
# modules that never touch Qt.
with collector_paused():
    import minutes_app.i18n
    import minutes_app.model
    import minutes_app.store  # noqa: F401

    freeze_loaded()
