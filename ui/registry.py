"""Every page of the app, once: app.py's navigation, every link between pages, the tests and the bench.

``st.Page`` can only be made inside a script run (it resolves its file against the running app),
so the registry holds plain descriptions and makes the ``st.Page`` objects on demand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageSpec:
    """One page: its key, file, title (the sidebar's and the page's), icon, section and tip number."""

    key: str
    file: str
    title: str
    icon: str
    section: str
    tip: int | None = None

    @property
    def path(self) -> str:
        """The file relative to app.py, as st.Page and st.switch_page take it."""
        return f"pages/{self.file}"

    @property
    def url_path(self) -> str:
        """The page's address below the app's root ('' for home)."""
        return "" if self.key == "home" else self.file.removesuffix(".py")


TIPS = "The six tips"
PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "home.py", "Home", ":material/home:", "Workbook"),
    PageSpec("know", "know_your_network.py", "1 · Know your network", ":material/groups:", TIPS, 1),
    PageSpec("reach", "reach_out.py", "2 · Reach out", ":material/campaign:", TIPS, 2),
    PageSpec("relationships", "build_relationships.py", "3 · Build relationships", ":material/handshake:", TIPS, 3),
    PageSpec("rate", "rate_your_network.py", "4 · Rate your network", ":material/star_rate:", TIPS, 4),
    PageSpec("ties", "strong_and_weak_ties.py", "5 · Strong and weak ties", ":material/hub:", TIPS, 5),
    PageSpec(
        "maintain",
        "maintain_your_network.py",
        "6 · Maintain your network",
        ":material/event_repeat:",
        TIPS,
        6,
    ),
    PageSpec("import_export", "import_export.py", "Import, export, backup", ":material/swap_vert:", "Your data"),
    PageSpec("about", "about_your_data.py", "About your data", ":material/info:", "Your data"),
    PageSpec("workshop", "workshop.py", "Join a workshop", ":material/co_present:", "Workshop"),
    PageSpec("facilitator", "facilitator.py", "Facilitate a workshop", ":material/cast_for_education:", "Workshop"),
)
BY_KEY: dict[str, PageSpec] = {p.key: p for p in PAGES}
BY_TIP: dict[int, PageSpec] = {p.tip: p for p in PAGES if p.tip is not None}
# The one URL parameter that opens a part (a tab) of a page, for pages whose tabs are bound to it.
PART_PARAM = "section"


def page(key: str) -> PageSpec:
    """The page with this key; a KeyError names the keys there are."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"no page {key!r}; the pages are {', '.join(BY_KEY)}") from None


def st_page(spec: PageSpec) -> st.Page:
    """The ``st.Page`` of a page (made in the running script, as Streamlit requires)."""
    return st.Page(spec.path, title=spec.title, icon=spec.icon, default=spec.key == "home")


def navigation() -> dict[str, list[st.Page]]:
    """The sidebar's sections of pages, for ``st.navigation``."""
    sections: dict[str, list[st.Page]] = {}
    for spec in PAGES:
        sections.setdefault(spec.section, []).append(st_page(spec))
    return sections


def link(key: str, label: str | None = None, *, part: str | None = None, icon: str | None = None) -> None:
    """A link to another page of the app (optionally to one of its parts)."""
    spec = page(key)
    st.page_link(
        st_page(spec),
        label=label or spec.title,
        icon=icon or ":material/arrow_forward:",
        query_params={PART_PARAM: part} if part else None,
    )


def link_to_tip(tip: int, label: str | None = None, *, part: str | None = None) -> None:
    """A link to the page of one of the six tips."""
    link(BY_TIP[tip].key, label, part=part)


def page_files() -> list[str]:
    """Every page file, in the registry's order (the tests and the bench walk them)."""
    return [spec.file for spec in PAGES]
