"""Tip 3's use cases: compose and save an ask, thank people who helped, and record how asks turned out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.asks import (
    FINDING_TITLES,
    AskRequest,
    caught_up,
    check_ask,
    choose_approach,
    compose_ask,
    compose_catch_up,
    familiarity_of,
    needs_a_second_look,
)
from core.errors import InvalidInput
from core.model import CHANNELS, REQUEST_KINDS, Contact, Goal
from core.outreach import describe_follow_ups, describe_help, target_label
from core.text import distinct_labels
from services.workbooks import Workbook
from store import contacts, interactions, outreach

OWED_SHOWN = 10
MESSAGE_MAX = outreach.NOTE_MAX  # the longest ask the log keeps; the message box stops there
RECENT_ASKS = 30
NO_TARGET = "No target chosen"


@dataclass(frozen=True)
class AskChoices:
    """What the composer offers: the targets an ask can serve (None for none) and the pitch it starts from."""

    targets: tuple[Goal, ...]
    labels: dict[int | None, str]
    looking_for: str
    done_lately: str

    def target(self, goal_id: int | None) -> Goal | None:
        """The target with this id, if it is one of the choices."""
        return next((g for g in self.targets if g.id == goal_id), None)


@dataclass(frozen=True)
class Draft:
    """The choices a draft is written from."""

    request_kind: str
    goal_id: int | None
    channel: str
    approach: str
    recent: str


@dataclass(frozen=True)
class OwedThanks:
    """Help not yet thanked for: who helped, with what, and when."""

    interaction_id: int
    contact_id: int
    name: str
    happened_on: date
    days_ago: int
    help: str  # what they did, after their name ("helped you with an introduction")
    channel: str


@dataclass(frozen=True)
class FollowUps:
    """The days you give yourself to thank people, the help done, due and owed, the latest owed, a reading."""

    days: int
    counts: dict[str, int]
    owed: tuple[OwedThanks, ...]
    reading: str


@dataclass(frozen=True)
class Asks:
    """Asks by kind and outcome (the chart's rows), how many led to help, and the latest asks with labels."""

    rows: tuple[tuple[str, str, int], ...]
    total: int
    helped: int
    recent: tuple[dict, ...]
    labels: dict[int, str]


@dataclass(frozen=True)
class Opening:
    """How an ask to this person opens: how well you know them (and whether that is a guess), the
    approach it calls for, and, when that is a catch-up first, whether the catch-up is logged."""

    familiarity: str
    guessed: bool
    approach: str
    caught_up: bool

    @property
    def catch_up_first(self) -> bool:
        """The composer offers the catch-up message now, and the ask once the catch-up is logged."""
        return self.approach == "catch_up" and not self.caught_up


# --- the composer -------------------------------------------------------------------------------


def opening(workbook: Workbook, person: Contact, today: date) -> Opening:
    """Whether to catch up first (friends, family, old colleagues) and whether that is done."""
    familiarity = familiarity_of(person.familiarity, person.tie, person.circle)
    approach = choose_approach(familiarity)
    done = False
    if approach == "catch_up":
        logged = interactions.recent_interactions(workbook, person.id, 50)
        done = caught_up([i.happened_on for i in logged if i.kind == "catch_up"], today)
    return Opening(familiarity, person.familiarity != familiarity, approach, done)


def set_familiarity(workbook: Workbook, contact_id: int, familiarity: str) -> None:
    """Save how well you know this person; one outside the list is refused."""
    contacts.update_contact(workbook, contact_id, familiarity=familiarity)


def compose_catch_up_draft(workbook: Workbook, person: Contact, channel: str, recent: str) -> str:
    """The catch-up message to send first: their news and yours, with no request in it."""
    words = person.name.split()
    return compose_catch_up(AskRequest(words[0] if words else "", "advice", recent=recent, channel=channel))


def log_catch_up(workbook: Workbook, contact_id: int, channel: str, today: date) -> None:
    """Log that you caught up with this person today: the ask can follow."""
    outreach.log_outreach(workbook, contact_id, today, "catch_up", channel=channel, today=today)


def ask_choices(workbook: Workbook) -> AskChoices:
    """The targets to choose from, labelled, and the pitch."""
    targets = tuple(outreach.list_targets(workbook))
    looking_for, done_lately = outreach.get_pitch(workbook)
    labels: dict[int | None, str] = distinct_labels({None: NO_TARGET, **{g.id: target_label(g) for g in targets}})
    return AskChoices(targets, labels, looking_for, done_lately)


def compose_draft(workbook: Workbook, person: Contact, draft: Draft) -> str:
    """A first draft of the ask to this person, from the choices, the target and the pitch."""
    choices = ask_choices(workbook)
    goal = choices.target(draft.goal_id)
    words = person.name.split()
    request = AskRequest(
        words[0] if words else "",
        draft.request_kind,
        goal.title if goal else "",
        goal.kind if goal else "",
        draft.recent,
        choices.looking_for,
        draft.approach,
        draft.channel,
    )
    return compose_ask(request)


def save_ask(
    workbook: Workbook,
    contact_id: int,
    *,
    message: str,
    request_kind: str,
    channel: str,
    goal_id: int | None,
    happened_on: date,
    today: date,
    send_anyway: bool = False,
) -> None:
    """Log the ask sent (its message kept as the note), waiting to hear back; an empty message is refused.

    A message the checker flags is saved only with ``send_anyway`` (the user looked again and chose to).
    """
    goal = ask_choices(workbook).target(goal_id)
    findings = check_ask(message, channel, goal.title if goal else None)
    if needs_a_second_look(findings) and not send_anyway and message.strip():
        titles = ", ".join(FINDING_TITLES[f.code].lower() for f in findings)
        raise InvalidInput(f"The checker flags this ask ({titles}): fix it, or choose “Send anyway”.")
    outreach.log_ask(
        workbook,
        contact_id,
        message=message,
        request_kind=request_kind,
        channel=channel,
        goal_id=goal_id,
        happened_on=happened_on,
        today=today,
    )


# --- follow-ups ---------------------------------------------------------------------------------


def follow_ups_overview(workbook: Workbook, today: date, shown: int = OWED_SHOWN) -> FollowUps:
    """How the thanks for help stand today, and the ``shown`` most recent pieces of help still owed thanks."""
    days = outreach.get_follow_up_days(workbook)
    counts = outreach.follow_up_counts(workbook, today, days)
    owed = tuple(
        OwedThanks(
            row["id"],
            row["contact_id"],
            row["name"],
            row["happened_on"],
            (today - row["happened_on"]).days,
            describe_help(row["kind"], row["request_kind"], row["note"]),
            row["channel"],
        )
        for row in outreach.owed_follow_ups(workbook, today, days, shown)
    )
    return FollowUps(days, counts, owed, describe_follow_ups(counts, days))


def follow_up_days(workbook: Workbook) -> int:
    """The days you give yourself to follow through on help before it shows as late."""
    return outreach.get_follow_up_days(workbook)


def log_thank_you(workbook: Workbook, contact_id: int, channel: str, today: date) -> None:
    """Log a thank-you to this person today, the way they helped (or by email)."""
    outreach.log_thank_you(workbook, contact_id, today, channel if channel in CHANNELS else "email")


def set_follow_up_days(workbook: Workbook, days: int) -> None:
    """Change the days you give yourself to thank someone (1 to 365)."""
    outreach.set_follow_up_days(workbook, days)


# --- asks and outcomes --------------------------------------------------------------------------


def asks_overview(workbook: Workbook, recent: int = RECENT_ASKS) -> Asks:
    """Asks by kind and outcome, how many helped, and the ``recent`` latest asks, newest first."""
    rows = tuple(outreach.asks_by_kind_and_outcome(workbook))
    latest = tuple(outreach.list_log(workbook, ("ask",), recent))
    labels = distinct_labels(
        {
            r["id"]: f"{r['happened_on']:%d %b} · {r['name']} · {REQUEST_KINDS.get(r['request_kind'], 'ask')}"
            for r in latest
        }
    )
    total = sum(n for _, _, n in rows)
    helped = sum(n for _, outcome, n in rows if outcome == "helped")
    return Asks(rows, total, helped, latest, labels)


def record_outcome(workbook: Workbook, ask_id: int | None, outcome: str) -> None:
    """Record how an ask turned out; an unknown outcome, or something that is not an ask, is refused."""
    if ask_id is None:
        raise InvalidInput("Choose the ask first.")
    outreach.record_outcome(workbook, ask_id, outcome)
