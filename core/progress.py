"""Progress through the six tips, judged by what each tip asks over time, and the one next step.

A tip is done by networking done, not by a form filled once: people reached and kept in touch with
across weeks, helpers thanked, a rating retaken after working on it, key contacts kept on their
cadence for four weeks. Everything filled in on one afternoon cannot finish all six.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from core.circles import empty_circles
from core.model import CIRCLES
from core.rating import MAX_SCORE
from core.text import plural

RATING_FRESH_DAYS = 90
TIP1_MIN_CIRCLES = 5
ASKS_MIN = 1  # tip 2: asks sent
KEPT_MIN_PEOPLE = 3  # tip 3: people you have been in touch with across more than a week
KEPT_SPAN_DAYS = 7
CADENCE_WINDOW_DAYS = 28  # tip 6: key contacts kept on their cadence over the last four weeks
BOTH_TIES = frozenset({"strong", "weak"})


@dataclass(frozen=True)
class ProgressFacts:
    """The few counts the six checks need, gathered once from a workbook."""

    circles: dict[str, int] = field(default_factory=dict)  # circle -> people listed in it
    ties: frozenset[str] = frozenset()  # the kinds of tie among the people listed
    targets: int = 0
    asks: int = 0  # asks sent
    unthanked: int = 0  # help whose loop is open: not yet thanked, or not yet told how it went
    kept: int = 0  # people in touch on dates more than a week apart
    ratings: tuple[tuple[date, int], ...] = ()  # (taken on, score), oldest first
    reached: frozenset[str] = frozenset()  # the kinds of tie among the people you have been in touch with
    destinations: int = 0
    keys: int = 0  # key contacts with a cadence
    keys_kept: int = 0  # of them, kept on their cadence over the last four weeks
    overdue: int = 0  # key contacts overdue today


@dataclass(frozen=True)
class TipStatus:
    """One tip's place on the dashboard: done or not, what counts as done, and the next step."""

    number: int
    title: str
    done: bool
    rule: str
    next_step: str


TIPS = (
    (
        1,
        "Know your network",
        f"people listed in at least {TIP1_MIN_CIRCLES} of the {len(CIRCLES)} circles, strong and weak ties both",
    ),
    (2, "Reach out", "a specific target, asks sent, and every person who helped thanked and told how it went"),
    (
        3,
        "Build relationships",
        f"at least {KEPT_MIN_PEOPLE} people you have been in touch with on dates more than a week apart",
    ),
    (
        4,
        "Rate your network",
        f"a score of {MAX_SCORE}, or a retake that scored higher than before, within {RATING_FRESH_DAYS} days",
    ),
    (5, "Strong and weak ties", "weak ties reached as well as strong ones, and one place you want to go"),
    (6, "Maintain your network", "every key contact kept on their cadence for the last four weeks"),
)


def assess_tips(facts: ProgressFacts, on: date) -> list[TipStatus]:
    """Each tip: done or not by its rule, and the one next step that moves it forward."""
    done = tips_done(facts, on)
    steps = {
        1: _step_know(facts),
        2: _step_reach(facts),
        3: _step_relationships(facts),
        4: _step_rate(facts, on),
        5: _step_ties(facts),
        6: _step_maintain(facts),
    }
    return [TipStatus(n, title, n in done, rule, steps[n]) for n, title, rule in TIPS]


def tips_done(facts: ProgressFacts, on: date) -> frozenset[int]:
    """The numbers of the tips done, each by its rule."""
    done = {
        1: sum(1 for n in facts.circles.values() if n) >= TIP1_MIN_CIRCLES and facts.ties >= BOTH_TIES,
        2: facts.targets >= 1 and facts.asks >= ASKS_MIN and facts.unthanked == 0,
        3: facts.kept >= KEPT_MIN_PEOPLE,
        4: rating_done(facts.ratings, on),
        5: facts.reached >= BOTH_TIES and facts.destinations >= 1,
        6: facts.keys >= 1 and facts.keys_kept == facts.keys,
    }
    return frozenset(tip for tip, ok in done.items() if ok)


def rating_done(ratings: Sequence[tuple[date, int]], on: date) -> bool:
    """Tip 4: the latest rating is recent and either full marks or higher than one taken on an earlier day."""
    if not ratings:
        return False
    taken_on, score = max(ratings, key=lambda r: r[0])
    if (on - taken_on).days > RATING_FRESH_DAYS:
        return False
    return score >= MAX_SCORE or any(day < taken_on and earlier < score for day, earlier in ratings)


def kept_on_cadence(dates: Iterable[date], cadence_days: int, on: date, window: int = CADENCE_WINDOW_DAYS) -> bool:
    """True when, on every day of the last ``window`` days, the latest contact was at most a cadence old.

    A person first contacted inside the window was not kept on cadence across it (they were not yet in touch).
    """
    kept = sorted(d for d in set(dates) if d <= on)
    start = on - timedelta(days=window)
    latest = None
    index = 0
    for offset in range(window + 1):
        day = start + timedelta(days=offset)
        while index < len(kept) and kept[index] <= day:
            latest = kept[index]
            index += 1
        if latest is None or (day - latest).days > cadence_days:
            return False
    return True


def _step_know(facts: ProgressFacts) -> str:
    empty = empty_circles(facts.circles)
    if sum(1 for n in facts.circles.values() if n) < TIP1_MIN_CIRCLES and empty:
        return f"add someone from {CIRCLES[empty[0]].lower()}"
    missing = BOTH_TIES - facts.ties
    if missing:
        return f"add a {sorted(missing)[0]} tie too: someone {'close' if 'strong' in missing else 'you know less well'}"
    return f"add someone from {CIRCLES[empty[0]].lower()}" if empty else "keep adding people as they come to mind"


def _step_reach(facts: ProgressFacts) -> str:
    if not facts.targets:
        return "write one specific target: a role, an employer or an industry"
    if facts.unthanked:
        return f"thank the {_people(facts.unthanked)} who helped, and tell them how it went"
    if not facts.asks:
        return "send your first specific ask"
    return "tell the people who helped how it went"


def _step_relationships(facts: ProgressFacts) -> str:
    if facts.kept >= KEPT_MIN_PEOPLE:
        return "keep the conversations going: your next ask can wait for a catch-up"
    short = KEPT_MIN_PEOPLE - facts.kept
    return f"get back in touch with {_people(short)} you spoke to earlier, a week or more later"


def _step_rate(facts: ProgressFacts, on: date) -> str:
    if not facts.ratings:
        return "answer the five questions"
    taken_on, score = max(facts.ratings, key=lambda r: r[0])
    if rating_done(facts.ratings, on):
        return f"retake the rating in a few months (last taken {taken_on:%d %b %Y})"
    if score < MAX_SCORE and (on - taken_on).days <= RATING_FRESH_DAYS:
        return "work on a 'no' from the upgrade plan, then retake the rating"
    return f"retake the rating (last taken {taken_on:%d %b %Y})"


def _step_ties(facts: ProgressFacts) -> str:
    missing = BOTH_TIES - facts.reached
    if missing:
        return f"get in touch with a {sorted(missing)[0]} tie and log it"
    if not facts.destinations:
        return "add an association, conference or field you want to join"
    return "add people who reflect where you want to go"


def _step_maintain(facts: ProgressFacts) -> str:
    if not facts.keys:
        return "mark your key contacts and how often to be in touch"
    if facts.overdue:
        return f"get in touch with the {_people(facts.overdue, 'overdue key contact')}"
    if facts.keys_kept < facts.keys:
        return "keep each key contact on their cadence for four weeks running"
    return "work down this week's schedule"


def _people(n: int, noun: str = "person") -> str:
    return plural(n, noun, "people" if noun == "person" else None)
