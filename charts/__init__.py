"""The only package that builds Altair charts. Functions return charts; they never call st.*.

Every chart has a title, uses the colour-blind-safe Okabe-Ito palette below, and pairs colour
with text, position or shape so that colour is never the only signal.
"""

from __future__ import annotations

import altair as alt

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
