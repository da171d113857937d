"""What a drawn chart looks like to the browser, apart from its rows."""

from __future__ import annotations


def chart_design(chart) -> tuple[str, str]:
    """A chart element's spec and alt with each dataset's name replaced by its place.

    Altair names a dataset by a hash of its rows, and Streamlit's browser code reads past the name:
    when this is unchanged after a save, the browser redraws the chart's rows in place instead of
    building the chart anew."""
    spec = chart.proto.spec
    for place, dataset in enumerate(chart.proto.datasets):
        spec = spec.replace(dataset.name, f"dataset-{place}")
    return spec, chart.proto.alt
