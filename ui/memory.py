"""The server's code stays out of Python's full garbage collections.

A full collection walks every object the process holds, and most of them are the code itself:
Streamlit, Altair, pandas and our layers, about 160,000 objects that live as long as the server.
In a 60-person workshop on 2 CPUs, each full collection took 85-112 ms and stalled every session.
Frozen at the start of the first run, before any workbook is open, they are left out: the same
collections walked only what the sessions held, and took 29-37 ms.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import pkgutil
import threading

# The layers a page may import (docs/architecture.md): with them, every page's own imports are in.
PAGE_LAYERS = ("core", "services", "charts", "ui")
_lock = threading.Lock()
_frozen = False


def freeze_the_code() -> None:
    """Once per process: import what every page imports, collect, and freeze what is left."""
    global _frozen
    with _lock:
        if _frozen:
            return
        for layer in PAGE_LAYERS:
            package = importlib.import_module(layer)
            for module in pkgutil.walk_packages(package.__path__, f"{layer}."):
                importlib.import_module(module.name)
        gc.collect()
        gc.freeze()
        # Frozen objects are not finalised at exit, and DuckDB's bindings then report them as leaks.
        atexit.register(gc.unfreeze)
        _frozen = True
