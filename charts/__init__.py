"""The only package that builds Altair charts. Functions return charts; they never call st.*.

Every chart has a title, uses the colour-blind-safe Okabe-Ito palette below, and pairs colour
with text, position or shape so that colour is never the only signal.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

import altair as alt
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema

# Okabe & Ito (2008): distinguishable with the common forms of colour blindness.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
STRONG_COLOUR = "#0072B2"
WEAK_COLOUR = "#E69F00"
MUTED = "#8A9597"
MAX_CHART_ROWS = 5000


def count_axis(**kwargs) -> alt.Axis:
    """An axis of counts: whole numbers only (never "0.2" or "0.000000"), one apart at the least."""
    return alt.Axis(format=",d", tickMinStep=1, **kwargs)


def count_scale(top: float, **kwargs) -> alt.Scale:
    """A count scale from zero to at least one, so an empty workbook still draws a readable 0-1 axis."""
    return alt.Scale(domain=[0, max(1, top)], **kwargs)


def count_scale_of_any_rows(**kwargs) -> alt.Scale:
    """As :func:`count_scale`, for a chart designed once (:class:`DesignedChart`): Vega-Lite joins
    the rows' own range to 0-1, so the design need not know the largest count."""
    return alt.Scale(domain=alt.DomainUnionWith(unionWith=[0, 1]), **kwargs)


@dataclass(frozen=True)
class DesignedChart:
    """A chart whose design Altair builds once and whose rows are filled in at every draw.

    Building an Altair chart costs 20-40 ms of CPU, and the charts a save changes (a person added,
    a rating taken) were rebuilt after every save; now the save costs a copy of the design. The
    design names its data with placeholders (``alt.NamedData``); ``to_dict`` gives the finished
    Vega-Lite spec, each placeholder's rows as a dataset named by a hash of them, as Altair does.
    """

    design: dict  # a spec built by Altair; never changed (every draw copies it)
    rows: dict[str, list[dict]]  # placeholder name -> its rows

    def to_dict(self, validate: bool = True) -> dict:
        for placeholder, rows in self.rows.items():
            if len(rows) > MAX_CHART_ROWS:  # Altair's own limit, as for any other chart
                raise alt.MaxRowsError(f"{placeholder}: {len(rows):,} rows, more than {MAX_CHART_ROWS:,}")
        names = {placeholder: _dataset_name(rows) for placeholder, rows in self.rows.items()}
        spec = _named(copy.deepcopy(self.design), names)
        spec["datasets"] = {**spec.get("datasets", {}), **{names[p]: rows for p, rows in self.rows.items()}}
        if validate:
            validate_jsonschema(spec, _vega_lite_schema())
        return spec


def _dataset_name(rows: list[dict]) -> str:
    return "data-" + hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode()).hexdigest()[:32]


def _named(node, names: dict[str, str]):
    """``node`` with every ``"data": {"name": placeholder}`` pointing at the placeholder's dataset."""
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and data.keys() == {"name"} and data["name"] in names:
            node["data"] = {"name": names[data["name"]]}
        for value in node.values():
            _named(value, names)
    elif isinstance(node, list):
        for value in node:
            _named(value, names)
    return node


@lru_cache(maxsize=1)
def _vega_lite_schema() -> dict:
    return load_schema()
