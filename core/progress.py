"""Progress through the six tips: what counts as done for each, and the one next step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.circles import empty_circles
from core.model import CIRCLES

RATING_FRESH_DAYS = 90


@dataclass(frozen=True)
class TipStatus:
    """One tip's place on the dashboard: done or not, what counts as done, and the next step."""

    number: int
    title: str
    page: str
    done: bool
    rule: str
    next_step: str


TIPS = (
    (1, "Know your network", "pages/know_your_network.py", "people listed in at least 5 of the 10 circles"),
    (2, "Reach out", "pages/reach_out.py", "a specific target, and a reference who agreed to speak for you"),
    (
        3,
        "Build relationships",
        "pages/build_relationships.py",
        "at least one specific ask made, and no thank-you overdue",
    ),
    (4, "Rate your network", "pages/rate_your_network.py", f"a rating taken in the last {RATING_FRESH_DAYS} days"),
    (
        5,
        "Strong and weak ties",
        "pages/strong_and_weak_ties.py",
        "both strong and weak ties marked, and one place you want to go",
    ),
    (
        6,
        "Maintain your network",
        "pages/maintain_your_network.py",
        "key contacts with a cadence, and none of them overdue",
    ),
)


def assess_tips(facts: dict, on: date) -> list[TipStatus]:
    """Each tip: done or not by its rule, and the one next step that moves it forward.

    ``facts`` holds counts: circles (circle -> people), targets, agreed (references who agreed),
    asks, owed (thank-yous overdue), rated_on (date of the latest rating or None), ties (the set
    of tie kinds in use), destinations, keys (key contacts) and overdue (key contacts overdue).
    """
    empty = empty_circles(facts["circles"])
    rated, owed, overdue = facts["rated_on"], facts["owed"], facts["overdue"]
    done = {
        1: sum(1 for n in facts["circles"].values() if n) >= 5,
        2: facts["targets"] >= 1 and facts["agreed"] >= 1,
        3: facts["asks"] >= 1 and owed == 0,
        4: rated is not None and (on - rated).days <= RATING_FRESH_DAYS,
        5: facts["ties"] >= {"strong", "weak"} and facts["destinations"] >= 1,
        6: facts["keys"] >= 1 and overdue == 0,
    }
    steps = {
        1: f"add someone from {CIRCLES[empty[0]].lower()}" if empty else "keep adding people as they come to mind",
        2: "write one specific target: a role, an employer or an industry"
        if not facts["targets"]
        else "ask a reference to agree to speak for you"
        if not facts["agreed"]
        else "tell your references how the search is going",
        3: "send the thank-yous still owed (they come first in your next actions)"
        if owed
        else "compose a specific ask for advice or an introduction"
        if not facts["asks"]
        else "compose your next specific ask",
        4: "answer the five questions" if rated is None else f"retake the rating (last taken {rated:%d %b %Y})",
        5: "mark who is a strong tie and who is a weak one"
        if facts["ties"] < {"strong", "weak"}
        else "add an association, conference or field you want to join"
        if not facts["destinations"]
        else "add people who reflect where you want to go",
        6: "mark your key contacts and how often to be in touch"
        if not facts["keys"]
        else f"get in touch with the {overdue:,} overdue key contacts"
        if overdue
        else "work down this week's schedule",
    }
    return [TipStatus(n, title, page, done[n], rule, steps[n]) for n, title, page, rule in TIPS]
