"""Tip 6's use cases: key contacts and their cadence, a person's card, the log, the ledger, the capacity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.errors import InvalidInput
from core.model import CIRCLES, TIES, Contact, Interaction, LedgerEntry
from core.priority import Suggestion, check_reconnect, describe_contact_timing
from core.reciprocity import GiveBack, PersonBalance, Tally, describe_balances, suggest_give_backs
from core.schedule import Schedule, check_cadence, count_overdue, describe_cadence, first_due
from services import plan
from services.workbooks import Workbook
from store import contacts, maintenance
from store.interactions import log_interaction, recent_interactions

NOTE_FIELDS = maintenance.NOTE_FIELDS
MAX_NOTE_CHARS = maintenance.MAX_NOTE_CHARS
SEARCH_LIMIT = 20
RECENT_SHOWN = 5
LEDGER_SHOWN = 10
BALANCE_PEOPLE = 10


@dataclass(frozen=True)
class UpkeepCounts:
    """The line at the top of tip 6: people, key contacts, how many are overdue, the give/take balance."""

    people: int
    key_contacts: int
    overdue: int
    balance: int


@dataclass(frozen=True)
class UpkeepOverview:
    """Who to contact next and the weekly plan (ranked once for both)."""

    ranked: tuple[Suggestion, ...]
    schedule: Schedule


@dataclass(frozen=True)
class KeyContactRow:
    """One key contact in the table: when they are next due, who, how often, when last in touch."""

    next_due: str
    name: str
    how_often: str
    last_in_touch: str


@dataclass(frozen=True)
class KeyContactTable:
    """The key contacts who have waited longest, and how many key contacts there are."""

    rows: tuple[KeyContactRow, ...]
    total: int


@dataclass(frozen=True)
class PersonCard:
    """What a person's card shows: who they are, when you last spoke, the log and the give and take."""

    person: Contact
    where: str
    timing: str
    recent: tuple[Interaction, ...]
    tally: Tally
    give_backs: tuple[GiveBack, ...]
    ledger: tuple[LedgerEntry, ...]


@dataclass(frozen=True)
class BalanceOverview:
    """The give-and-take chart's people (most owed on each side) and its reading."""

    extremes: tuple[PersonBalance, ...]
    reading: str


def counts(workbook: Workbook, today: date) -> UpkeepCounts:
    """The counts at the top of tip 6: a few milliseconds, where ranking everyone takes fifty on 30,000
    people, so a tab that shows no ranking (a person's card, the give and take) does not rank."""
    return UpkeepCounts(
        people=contacts.count_contacts(workbook),
        key_contacts=maintenance.count_key_contacts(workbook),
        overdue=count_overdue(maintenance.list_key_contacts(workbook), today),
        balance=maintenance.tally_everyone(workbook).balance,
    )


def overview(workbook: Workbook, today: date, weeks: int) -> UpkeepOverview:
    """The ranked list and the plan for ``weeks`` weeks."""
    ranked = plan.ranked_list(workbook, today)
    return UpkeepOverview(ranked=tuple(ranked), schedule=plan.plan_from_ranking(workbook, ranked, today, weeks))


def capacity(workbook: Workbook) -> int:
    """How many people a week the plan holds."""
    return maintenance.get_capacity(workbook)


def save_capacity(workbook: Workbook, people: object) -> int:
    """Keep the weekly capacity (1 to 50 people); returns it."""
    people = _whole(people)
    maintenance.set_capacity(workbook, people)
    return people


def key_contact_table(workbook: Workbook, today: date, limit: int) -> KeyContactTable:
    """The ``limit`` key contacts who have waited longest, soonest due first."""
    keys = sorted(
        maintenance.list_key_contacts(workbook, limit),
        key=lambda k: (first_due(k.cadence_days, k.last_contacted_on, today), k.name.casefold()),
    )
    rows = []
    for k in keys:
        due = first_due(k.cadence_days, k.last_contacted_on, today)
        last = k.last_contacted_on
        rows.append(
            KeyContactRow(
                next_due="today" if due == today else f"{due:%d %b %Y}",
                name=k.name,
                how_often=describe_cadence(k.cadence_days),
                last_in_touch=f"{last:%d %b %Y}" if last else "never",
            )
        )
    return KeyContactTable(tuple(rows), maintenance.count_key_contacts(workbook))


def find_people(workbook: Workbook, query: str, keep_id: int | None = None) -> tuple[list[Contact], int]:
    """Up to 20 people matching ``query`` and how many match; ``keep_id`` stays among them (opened from the list)."""
    matches, total = contacts.search_contacts(workbook, query, limit=SEARCH_LIMIT)
    if keep_id is not None and keep_id not in {c.id for c in matches}:
        kept = contacts.get_contact(workbook, keep_id)
        matches = [kept, *matches] if kept else matches
    return matches, total


def person_card(workbook: Workbook, contact_id: int, today: date) -> PersonCard | None:
    """A person's card, or None when they are no longer listed."""
    person = contacts.get_contact(workbook, contact_id)
    if person is None:
        return None
    where = (person.role, person.company, CIRCLES.get(person.circle, ""), TIES.get(person.tie, ""))
    cadence = person.cadence_days if person.is_key else None
    return PersonCard(
        person=person,
        where=" · ".join(x for x in where if x),
        timing=describe_contact_timing(person.last_contacted_on, cadence, today),
        recent=tuple(recent_interactions(workbook, person.id, limit=RECENT_SHOWN)),
        tally=maintenance.tally_person(workbook, person.id),
        give_backs=tuple(suggest_give_backs(person.interests, person.needs, person.family, person.job_notes)),
        ledger=tuple(maintenance.list_ledger(workbook, person.id, limit=LEDGER_SHOWN)),
    )


CARD_FIELDS = ("is_key", "cadence_days", *NOTE_FIELDS, "reconnect", "reconnect_priority")


def card_values(person: Contact) -> dict[str, object]:
    """What a person's card form shows, as saved (a cadence only for a key contact)."""
    values = {f: getattr(person, f) for f in CARD_FIELDS}
    if not person.is_key:
        values["cadence_days"] = None
    if not person.reconnect:
        values["reconnect_priority"] = None
    return values


def clean_card(wanted: dict[str, object]) -> dict[str, object]:
    """The card's values as they would be saved: notes trimmed, a cadence only for a key contact, checked."""
    values = {f: wanted.get(f) for f in CARD_FIELDS}
    values["is_key"] = bool(values["is_key"])
    for f in NOTE_FIELDS:
        values[f] = str(values[f] or "").strip()
        if len(values[f]) > MAX_NOTE_CHARS:
            raise InvalidInput(f"The {f.replace('_', ' ')} note is over {MAX_NOTE_CHARS} characters; shorten it.")
    if values["is_key"]:
        values["cadence_days"] = _whole(values["cadence_days"])
        problem = check_cadence(values["cadence_days"])
        if problem:
            raise InvalidInput(problem)
    else:
        values["cadence_days"] = None
    values["reconnect"] = str(values["reconnect"] or "")
    if not values["reconnect"]:
        values["reconnect_priority"] = None
    problem = check_reconnect(values["reconnect"], values["reconnect_priority"])
    if problem:
        raise InvalidInput(problem)
    return values


def unsaved_fields(saved: dict[str, object], wanted: dict[str, object]) -> list[str]:
    """The card's fields whose values on screen differ from what is saved (in the card's order)."""
    try:
        values = clean_card(wanted)
    except InvalidInput:
        values = wanted  # a value that will not save yet is still an unsaved change
    return [f for f in CARD_FIELDS if values.get(f) != saved.get(f)]


def save_card(
    workbook: Workbook, contact_id: int, seen: dict[str, object], wanted: dict[str, object]
) -> tuple[str, ...]:
    """Save the person's card in one go; returns the fields changed.

    ``seen`` is what the card showed when it was opened: a field someone changed elsewhere since then
    is refused (ChangedSinceOpened) rather than overwritten; fields left alone are never written.
    """
    values = clean_card(wanted)
    changes = {f: v for f, v in values.items() if seen.get(f) != v}
    if "is_key" in changes or "cadence_days" in changes:  # the pair moves together
        changes["is_key"], changes["cadence_days"] = values["is_key"], values["cadence_days"]
    if "reconnect" in changes or "reconnect_priority" in changes:
        changes["reconnect"], changes["reconnect_priority"] = values["reconnect"], values["reconnect_priority"]
    if changes:
        contacts.update_contact(workbook, contact_id, seen={f: seen.get(f) for f in changes}, **changes)
    return tuple(f for f in CARD_FIELDS if f in changes)


def reconnect_list(workbook: Workbook, limit: int = 200) -> list[Contact]:
    """Your reconnect list: high priority first, then by name."""
    return maintenance.list_reconnect(workbook, limit)


def save_key_contact(workbook: Workbook, contact_id: int, cadence_days: object | None) -> int | None:
    """Make someone a key contact at a cadence, or with None no longer one; returns the cadence kept."""
    if cadence_days is None:
        maintenance.unset_key_contact(workbook, contact_id)
        return None
    days = _whole(cadence_days)
    maintenance.set_key_contact(workbook, contact_id, days)
    return days


def save_notes(workbook: Workbook, contact_id: int, notes: dict[str, str]) -> None:
    """Keep the notes on a person: family, job, interests, needs."""
    maintenance.save_person_notes(workbook, contact_id, **notes)


def log_contact(workbook: Workbook, contact_id: int, on: date, kind: str, channel: str, today: date) -> None:
    """Log a contact with a person (it moves their last contact forward)."""
    log_interaction(workbook, contact_id, on, kind, channel=channel, today=today)


def log_catch_up(workbook: Workbook, contact_id: int, today: date) -> None:
    """One click: a catch-up with this person today."""
    log_interaction(workbook, contact_id, today, "catch_up", today=today)


def record_give_take(
    workbook: Workbook,
    contact_id: int,
    on: date,
    direction: str,
    kind: str,
    weight: object,
    note: str,
    today: date,
) -> int:
    """Record something given to or received from a person; returns the entry's id."""
    return maintenance.add_ledger_entry(
        workbook, contact_id, on, direction, kind, _whole(weight), today=today, note=note
    )


def remove_give_take(workbook: Workbook, entry_id: int | None) -> None:
    """Remove a ledger entry made by mistake."""
    if entry_id is None:
        raise InvalidInput("Choose the entry to remove first.")
    maintenance.delete_ledger_entry(workbook, entry_id)


def balance_overview(workbook: Workbook) -> BalanceOverview:
    """The people you owe most and who owe you most, with the overall balance in words."""
    extremes = maintenance.balance_extremes(workbook, BALANCE_PEOPLE)
    return BalanceOverview(tuple(extremes), describe_balances(maintenance.tally_everyone(workbook), extremes))


def _whole(value: object) -> object:
    """A number input's value as an int when it is a whole number (the store names anything else)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value
