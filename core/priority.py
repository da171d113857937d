"""Who to contact next (tip 6): a ranked list with the reasons for each place, in plain words.

Every reason adds whole points; the list is sorted by points, then by who has waited longest,
then by name and id, so the order never depends on the order the candidates came in. People
you were in touch with today go to the end: they need a rest, not another message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.model import RECONNECT_PRIORITIES, RECONNECT_REASONS, REFERENCE_STEPS
from core.schedule import days_overdue, describe_cadence, first_due

# Points per reason. Overdue outweighs everything else because a cadence is a promise you made.
OVERDUE_BASE = 40
OVERDUE_MAX_EXTRA = 60  # reached at three cadences late
DUE_SOON_DAYS = 7
DUE_SOON_MAX = 20
NEVER_CONTACTED_KEY = 60
NEVER_CONTACTED = 10
SILENCE_AFTER_DAYS = 180
SILENCE_MAX = 15
REFERENCE_MIDWAY = 30
REFERENCE_NOT_STARTED = 20
HIGH_PRIORITY_GOAL = 25
THANK_YOU_OWED = 35
RECONNECT_POINTS = {1: 30, 2: 20, 3: 10}  # your own reconnect list, by the priority you gave
BALANCE_PER_POINT = 2
BALANCE_MAX = 20


@dataclass(frozen=True)
class Candidate:
    """What the ranking needs to know about one person; built by the store from SQL aggregates."""

    contact_id: int
    name: str
    is_key: bool = False
    cadence_days: int | None = None
    last_contacted_on: date | None = None
    is_reference: bool = False
    reference_steps_done: frozenset[str] = frozenset()
    high_priority_goals: tuple[str, ...] = ()
    thanks_owed_since: date | None = None  # the oldest help whose loop is open (not thanked, or not told)
    balance: int = 0  # weighted given minus received; below zero, you owe them
    reconnect: str = ""  # why they are on your reconnect list (a key of RECONNECT_REASONS), or ""
    reconnect_priority: int | None = None  # 1 high, 2 normal, 3 low


@dataclass(frozen=True)
class Reason:
    """One reason for a person's place in the list: a code, a plain sentence and its points."""

    code: str
    text: str
    points: int


@dataclass(frozen=True)
class Suggestion:
    """One place in the ranked list."""

    rank: int
    contact_id: int
    name: str
    score: int
    reasons: tuple[Reason, ...]
    due_on: date | None
    contacted_today: bool

    @property
    def summary(self) -> str:
        """All reasons in one line, most important first."""
        if self.reasons:
            return "; ".join(r.text for r in self.reasons)
        due = f"; next due {self.due_on:%d %b %Y}" if self.due_on else ""
        if self.contacted_today:
            return f"In touch today, so they rest at the end of the list{due}"
        return f"Nothing pressing{due}: a good time to say hello"


def rank_contacts(candidates: list[Candidate], today: date, limit: int | None = None) -> list[Suggestion]:
    """Rank people by how much they need your attention now, each with reasons in plain words."""
    scored = [(candidate, list_reasons(candidate, today)) for candidate in candidates]
    scored.sort(key=lambda pair: _sort_key(pair[0], pair[1], today))
    if limit is not None:
        scored = scored[:limit]
    return [
        Suggestion(
            rank=place,
            contact_id=candidate.contact_id,
            name=candidate.name,
            score=sum(r.points for r in reasons),
            reasons=tuple(sorted(reasons, key=lambda r: -r.points)),
            due_on=next_due_on(candidate, today),
            contacted_today=candidate.last_contacted_on == today,
        )
        for place, (candidate, reasons) in enumerate(scored, start=1)
    ]


def split_contacted_today(ranked: list[Suggestion]) -> tuple[list[Suggestion], list[Suggestion]]:
    """The list in two sections: who to contact next, highest score first, and who you were in touch with
    today (they rest until tomorrow, whatever their score), each section in the ranking's order."""
    return [s for s in ranked if not s.contacted_today], [s for s in ranked if s.contacted_today]


def check_reconnect(reason: str, priority: object) -> str | None:
    """The one problem with a place on your reconnect list, or None ("" and None: not on the list)."""
    if reason and reason not in RECONNECT_REASONS:
        return f"'{reason}' is not a reason to reconnect; choose one from the list."
    if reason and priority not in RECONNECT_PRIORITIES:
        return "Choose a priority for your reconnect list: high, normal or low."
    return None


def _sort_key(candidate: Candidate, reasons: list[Reason], today: date) -> tuple:
    last = candidate.last_contacted_on or date.min
    return (
        candidate.last_contacted_on == today,
        -sum(r.points for r in reasons),
        last,
        candidate.name.casefold(),
        candidate.contact_id,
    )


def list_reasons(candidate: Candidate, today: date) -> list[Reason]:
    """Every reason that applies to this person today (an empty list if none does)."""
    found = [
        _contact_reason(candidate, today),
        _reference_reason(candidate),
        _goal_reason(candidate),
        _thanks_reason(candidate),
        _balance_reason(candidate),
        _reconnect_reason(candidate),
    ]
    return [r for r in found if r is not None and r.points > 0]


def next_due_on(candidate: Candidate, today: date) -> date | None:
    """When a key contact is next due (today if overdue or never contacted); None without a cadence."""
    if not candidate.cadence_days:
        return None
    return first_due(candidate.cadence_days, candidate.last_contacted_on, today)


def _contact_reason(candidate: Candidate, today: date) -> Reason | None:
    last = candidate.last_contacted_on
    if last is None:
        if candidate.is_key:
            return Reason("never", "A key contact you have not been in touch with yet", NEVER_CONTACTED_KEY)
        return Reason("never", "No contact logged yet", NEVER_CONTACTED)
    if candidate.cadence_days:
        return _cadence_reason(candidate.cadence_days, last, today)
    since = max(0, (today - last).days)
    if since >= SILENCE_AFTER_DAYS:
        points = min(SILENCE_MAX, 5 + (since - SILENCE_AFTER_DAYS) // 60)
        return Reason("silent", f"Last in touch {describe_days(since)} ago", points)
    return None


def _cadence_reason(cadence: int, last: date, today: date) -> Reason | None:
    every = f"you planned to be in touch {describe_cadence(cadence)}"
    late = days_overdue(cadence, last, today)
    if late:
        extra = min(OVERDUE_MAX_EXTRA, 20 * late // cadence)
        return Reason("overdue", f"{describe_days(late)} overdue ({every})", OVERDUE_BASE + extra)
    until = cadence - max(0, (today - last).days)
    if until <= DUE_SOON_DAYS:
        when = "today" if until == 0 else f"in {describe_days(until)}"
        return Reason("due_soon", f"Due {when} ({every})", DUE_SOON_MAX - 2 * until)
    return None


def _reference_reason(candidate: Candidate) -> Reason | None:
    if not candidate.is_reference:
        return None
    done = [step for step in REFERENCE_STEPS if step in candidate.reference_steps_done]
    missing = [step for step in REFERENCE_STEPS if step not in candidate.reference_steps_done]
    if not missing:
        return None
    next_step = REFERENCE_STEPS[missing[0]].lower()
    if not done:
        return Reason("reference", f"A reference with no steps done yet; next: {next_step}", REFERENCE_NOT_STARTED)
    return Reason(
        "reference",
        f"A reference mid-way ({len(done)} of {len(REFERENCE_STEPS)} steps); next: {next_step}",
        REFERENCE_MIDWAY,
    )


def _goal_reason(candidate: Candidate) -> Reason | None:
    goals = candidate.high_priority_goals
    if not goals:
        return None
    shown = ", ".join(goals[:2]) + (f" and {len(goals) - 2} more" if len(goals) > 2 else "")
    return Reason("goal", f"Can help with a high-priority goal: {shown}", HIGH_PRIORITY_GOAL)


def _thanks_reason(candidate: Candidate) -> Reason | None:
    since = candidate.thanks_owed_since
    if since is None:
        return None
    return Reason("thanks", f"Thank them and tell them how it went: they helped on {since:%d %b %Y}", THANK_YOU_OWED)


def _reconnect_reason(candidate: Candidate) -> Reason | None:
    why = RECONNECT_REASONS.get(candidate.reconnect)
    if why is None:
        return None
    priority = candidate.reconnect_priority if candidate.reconnect_priority in RECONNECT_POINTS else 2
    label = RECONNECT_PRIORITIES[priority].lower()
    return Reason("reconnect", f"On your reconnect list: {why.lower()} ({label} priority)", RECONNECT_POINTS[priority])


def _balance_reason(candidate: Candidate) -> Reason | None:
    if candidate.balance >= 0:
        return None
    points = min(BALANCE_MAX, BALANCE_PER_POINT * -candidate.balance)
    return Reason(
        "balance",
        f"You have received more than you gave ({candidate.balance:+d}); find a way to give back",
        points,
    )


def describe_contact_timing(last_contacted_on: date | None, cadence_days: int | None, today: date) -> str:
    """When you were last in touch and, with a cadence, when they are next due, as one sentence."""
    last = last_contacted_on
    seen = "No contact logged yet"
    if last:
        seen = f"Last in touch {last:%d %b %Y} ({describe_days((today - last).days)} ago)"
    if not cadence_days:
        return f"{seen}."
    due_on = first_due(cadence_days, last, today)
    when = "today" if due_on == today else f"{due_on:%d %b %Y}"
    return f"{seen}; next due {when} ({describe_cadence(cadence_days)})."


def describe_days(days: int) -> str:
    """A number of days in plain words: '1 day', '3 weeks', '4 months', '2 years'."""
    days = abs(int(days))
    if days < 14:
        return f"{days} day" + ("" if days == 1 else "s")
    if days < 60:
        return f"{days // 7} weeks"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365} years"
