"""Results cached per workbook and per data version, so nothing leaks between workbooks and
nothing goes stale after a write (every write raises the workbook's data_version); and chart
specs cached by the values they draw, so a chart is built and checked once per distinct data.
Both live with their workbook: when a shared-mode visitor's workbook is released, so are they."""

from __future__ import annotations

import hashlib
import pickle
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from services.workbooks import Workbook

T = TypeVar("T")
_MAX_ENTRIES = 128
_MAX_SPECS = 64
_caches: weakref.WeakKeyDictionary[Workbook, dict] = weakref.WeakKeyDictionary()
_spec_caches: weakref.WeakKeyDictionary[Workbook, OrderedDict] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
# Altair's default theme writes Vega-Lite's own default view size into every spec; st.altair_chart
# leaves it out so that Streamlit's theme can size the chart, and so does chart_spec.
_ALTAIR_DEFAULT_VIEW = {"continuousWidth": 300, "continuousHeight": 300}


def _refuse_page_functions(function: Callable) -> None:
    """A page script runs as ``__main__`` and defines its functions afresh on every run: keyed by
    the function itself, each run would miss; keyed by its name, two pages would share entries."""
    if function.__module__ == "__main__":
        raise TypeError(
            f"{function.__qualname__} is defined in a page script; cache a function of services/ or charts/ instead."
        )


def cached(workbook: Workbook, compute: Callable[..., T], *args: Any) -> T:
    """``compute(workbook, *args)``, reused until the workbook changes; its reads share one snapshot."""
    with _lock:
        entries = _caches.setdefault(workbook, {})
    _refuse_page_functions(compute)
    key = (compute, args)
    version = workbook.data_version
    hit = entries.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    with workbook.reading():
        value = compute(workbook, *args)
    with _lock:
        stale = [k for k, (v, _) in entries.items() if v != version]
        for k in stale:  # results of older versions can never be hit again: free them now
            del entries[k]
        if len(entries) >= _MAX_ENTRIES:
            entries.clear()
        entries[key] = (version, value)
    return value


def chart_spec(workbook: Workbook, build: Callable[..., Any], *args: Any) -> dict:
    """The Vega-Lite spec of the Altair chart ``build(*args)``, for ``st.vega_lite_chart``.

    Building an Altair chart and checking it against the Vega-Lite schema costs tens of
    milliseconds, on every rerun of a page; the spec depends only on ``args`` (plain values), so
    it is made once per distinct ``args`` and kept with ``workbook`` (never shared with another). The
    schema check is left out: whether a spec is valid depends on how the chart is built, which the
    chart tests check (their ``to_dict()`` validates), not on the rows it draws. Charts over 5,000
    rows are refused, by Altair's own row limit.
    """
    _refuse_page_functions(build)
    key = (build, hashlib.blake2b(pickle.dumps(args), digest_size=16).digest())
    with _lock:
        specs = _spec_caches.setdefault(workbook, OrderedDict())
        spec = specs.get(key)
        if spec is not None:
            specs.move_to_end(key)
            return spec
    spec = build(*args).to_dict(validate=False)
    view = spec.get("config", {}).get("view", {})
    if {k: view.get(k) for k in _ALTAIR_DEFAULT_VIEW} == _ALTAIR_DEFAULT_VIEW:
        for k in _ALTAIR_DEFAULT_VIEW:
            del view[k]
        if not view:
            del spec["config"]["view"]
        if not spec["config"]:
            del spec["config"]
    with _lock:
        specs[key] = spec
        while len(specs) > _MAX_SPECS:
            specs.popitem(last=False)
    return spec


def show_chart(workbook: Workbook, build: Callable[..., Any], *args: Any, **options: Any) -> None:
    """Draw the chart ``build(*args)`` at full width (its spec cached with ``workbook``).

    ``alt`` says what the chart shows, never its figures (the text beside it has them), and the
    spec holds no figures either (a scale's end from the rows goes in the rows): the browser redraws
    a chart's new rows in place, but builds the whole chart anew when its alt or spec changes, and
    a rebuilt chart cost tip 1 about 18 ms a save."""
    st.vega_lite_chart(spec=chart_spec(workbook, build, *args), width="stretch", **options)
