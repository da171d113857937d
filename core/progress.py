"""Progress through the six tips: what counts as done for each, and the one next step."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from core.circles import empty_circles
from core.model import CIRCLES

RATING_FRESH_DAYS = 90
TIP1_MIN_CIRCLES = 5


@dataclass(frozen=True)
class ProgressFacts:
    """The few counts the six checks need, gathered once from a workbook."""

    circles: dict[str, int] = field(default_factory=dict)  # circle -> people listed in it
    targets: int = 0
    agreed: int = 0  # references who agreed to speak for you
    asks: int = 0
    owed: int = 0  # follow-through loops still open (help not yet thanked, or not yet told how it went)
    rated_on: date | None = None  # the latest rating
    ties: frozenset[str] = frozenset()  # the kinds of tie in use
    destinations: int = 0
    keys: int = 0  # key contacts
    overdue: int = 0  # key contacts overdue


@dataclass(frozen=True)
class TipStatus:
    """One tip's place on the dashboard: done or not, what counts as done, and the next step."""

    number: int
    title: str
    done: bool
    rule: str
    next_step: str


TIPS = (
    (1, "Know your network", f"people listed in at least {TIP1_MIN_CIRCLES} of the {len(CIRCLES)} circles"),
    (2, "Reach out", "a specific target, and a reference who agreed to speak for you"),
    (3, "Build relationships", "at least one specific ask made, and every helper thanked and told how it went"),
    (4, "Rate your network", f"a rating taken in the last {RATING_FRESH_DAYS} days"),
    (5, "Strong and weak ties", "both strong and weak ties marked, and one place you want to go"),
    (6, "Maintain your network", "key contacts with a cadence, and none of them overdue"),
)


def assess_tips(facts: ProgressFacts, on: date) -> list[TipStatus]:
    """Each tip: done or not by its rule, and the one next step that moves it forward."""
    done = tips_done(facts, on)
    steps = {
        1: _step_know(facts),
        2: _step_reach(facts),
        3: _step_relationships(facts),
        4: "answer the five questions"
        if facts.rated_on is None
        else f"retake the rating (last taken {facts.rated_on:%d %b %Y})",
        5: _step_ties(facts),
        6: _step_maintain(facts),
    }
    return [TipStatus(n, title, n in done, rule, steps[n]) for n, title, rule in TIPS]


def tips_done(facts: ProgressFacts, on: date) -> frozenset[int]:
    """The numbers of the tips done, each by its rule."""
    rated = facts.rated_on
    done = {
        1: sum(1 for n in facts.circles.values() if n) >= TIP1_MIN_CIRCLES,
        2: facts.targets >= 1 and facts.agreed >= 1,
        3: facts.asks >= 1 and facts.owed == 0,
        4: rated is not None and (on - rated).days <= RATING_FRESH_DAYS,
        5: facts.ties >= {"strong", "weak"} and facts.destinations >= 1,
        6: facts.keys >= 1 and facts.overdue == 0,
    }
    return frozenset(tip for tip, ok in done.items() if ok)


def _step_know(facts: ProgressFacts) -> str:
    empty = empty_circles(facts.circles)
    return f"add someone from {CIRCLES[empty[0]].lower()}" if empty else "keep adding people as they come to mind"


def _step_reach(facts: ProgressFacts) -> str:
    if not facts.targets:
        return "write one specific target: a role, an employer or an industry"
    if not facts.agreed:
        return "ask a reference to agree to speak for you"
    return "tell your references how the search is going"


def _step_relationships(facts: ProgressFacts) -> str:
    if facts.owed:
        return "thank the people who helped and tell them how it went (they come first in your next actions)"
    if not facts.asks:
        return "compose a specific ask for advice or an introduction"
    return "compose your next specific ask"


def _step_ties(facts: ProgressFacts) -> str:
    if not facts.ties >= {"strong", "weak"}:
        return "mark who is a strong tie and who is a weak one"
    if not facts.destinations:
        return "add an association, conference or field you want to join"
    return "add people who reflect where you want to go"


def _step_maintain(facts: ProgressFacts) -> str:
    if not facts.keys:
        return "mark your key contacts and how often to be in touch"
    if facts.overdue:
        return f"get in touch with the {facts.overdue:,} overdue key contacts"
    return "work down this week's schedule"
