"""The only package that builds Altair charts. Functions return charts; they never call st.*.

Every chart has a title, uses the colour-blind-safe Okabe-Ito palette below, and pairs colour
with text, position or shape so that colour is never the only signal.
"""

from __future__ import annotations

# Okabe & Ito (2008): distinguishable with the common forms of colour blindness.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
STRONG_COLOUR = "#0072B2"
WEAK_COLOUR = "#E69F00"
MUTED = "#8A9597"
MAX_CHART_ROWS = 5000
