"""Queries for tips 2 and 3: targets, the pitch, references, the outreach log, asks and follow-ups."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from core.asks import blocking_findings, check_ask
from core.errors import InvalidInput
from core.model import CHANNELS, OUTCOMES, REFERENCE_STEPS, REQUEST_KINDS, TARGET_KINDS, Goal
from core.outreach import (
    FOLLOW_UP_DAYS,
    FOLLOW_UP_DAYS_KEY,
    FOLLOW_UP_DONE,
    FOLLOW_UP_DUE,
    FOLLOW_UP_KINDS,
    FOLLOW_UP_OWED,
    PITCH_KEYS,
    HelpEvent,
    check_follow_up_days,
    check_step_date,
    check_target,
)
from store.goals import add_goal, list_goals
from store.interactions import log_interaction
from store.settings import get_setting, set_setting
from store.sql import IDS, TEXTS
from store.workbook import Workbook

PITCH_MAX = 400
NOTE_MAX = 4000

# Help received: logged as such, or an ask whose outcome was that they helped.
_HELP = "(i.kind = 'help_received' OR (i.kind = 'ask' AND i.outcome = 'helped'))"
_LIVE = "JOIN contacts c ON c.id = i.contact_id AND c.deleted_at IS NULL"


# --- targets and the pitch ----------------------------------------------------------------------


def add_target(workbook: Workbook, kind: str, title: str, priority: int = 2) -> int:
    """Save a specific target (role, employer, industry); refuses blank or vague ones."""
    problems = check_target(kind, title)
    if problems:
        raise InvalidInput(problems[0].message)
    return add_goal(workbook, kind, title, priority)


def list_targets(workbook: Workbook) -> list[Goal]:
    """Tip 2's targets (roles, employers, industries), high priority first."""
    return list_goals(workbook, TARGET_KINDS)


def get_pitch(workbook: Workbook) -> tuple[str, str]:
    """Your pitch: what you are looking for, and what you have done lately."""
    return get_setting(workbook, PITCH_KEYS[0]), get_setting(workbook, PITCH_KEYS[1])


def save_pitch(workbook: Workbook, looking_for: str, done_lately: str) -> None:
    """Keep the pitch; refuses an empty one or one too long to say in a breath."""
    looking_for, done_lately = looking_for.strip(), done_lately.strip()
    if not looking_for and not done_lately:
        raise InvalidInput("The pitch is empty; write what you are looking for, e.g. 'a data analyst role'.")
    if max(len(looking_for), len(done_lately)) > PITCH_MAX:
        raise InvalidInput(f"Keep each part of the pitch under {PITCH_MAX} characters: one or two sentences.")
    with workbook.write() as cursor:
        for key, value in zip(PITCH_KEYS, (looking_for, done_lately)):
            cursor.execute("DELETE FROM settings WHERE key = ?", [key])
            cursor.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [key, value])


def get_follow_up_days(workbook: Workbook) -> int:
    """How many days you give yourself to thank someone for help (default 14)."""
    value = get_setting(workbook, FOLLOW_UP_DAYS_KEY, str(FOLLOW_UP_DAYS))
    return int(value) if value.isdigit() else FOLLOW_UP_DAYS


def set_follow_up_days(workbook: Workbook, days: int) -> None:
    problems = check_follow_up_days(days)
    if problems:
        raise InvalidInput(problems[0].message)
    set_setting(workbook, FOLLOW_UP_DAYS_KEY, str(days))


# --- references ---------------------------------------------------------------------------------


def list_references(workbook: Workbook, limit: int = 200) -> list[dict]:
    """The people marked as references, by name: id, name, company, role."""
    return workbook.read_dicts(
        "SELECT id, name, company, role FROM contacts WHERE is_reference AND deleted_at IS NULL "
        "ORDER BY lower(name), id LIMIT ?",
        [limit],
    )


def set_reference(workbook: Workbook, contact_ids: Iterable[int], is_reference: bool = True) -> int:
    """Mark (or unmark) people as references; returns how many changed."""
    ids = sorted({int(i) for i in contact_ids})
    if not ids:
        return 0
    with workbook.write() as cursor:
        rows = cursor.execute(
            "UPDATE contacts SET is_reference = ?, updated_at = current_timestamp "
            f"WHERE id IN {IDS} AND deleted_at IS NULL AND is_reference <> ? RETURNING id",
            [is_reference, ids, is_reference],
        ).fetchall()
    return len(rows)


def reference_steps(workbook: Workbook) -> dict[int, dict[str, date]]:
    """Reference id -> {step: date done} for the live references."""
    rows = workbook.read(
        "SELECT s.contact_id, s.step, s.done_on FROM reference_steps s "
        "JOIN contacts c ON c.id = s.contact_id AND c.deleted_at IS NULL AND c.is_reference"
    )
    steps: dict[int, dict[str, date]] = {}
    for contact_id, step, done_on in rows:
        steps.setdefault(int(contact_id), {})[step] = done_on
    return steps


def record_reference_step(workbook: Workbook, contact_id: int, step: str, done_on: date | None, today: date) -> None:
    """Record that a reference step was done on a day (a later record replaces the date)."""
    problems = check_step_date(step, done_on, today)
    if problems:
        raise InvalidInput(problems[0].message)
    with workbook.write() as cursor:
        if (
            cursor.execute(
                "SELECT 1 FROM contacts WHERE id = ? AND deleted_at IS NULL AND is_reference", [contact_id]
            ).fetchone()
            is None
        ):
            raise InvalidInput(f"Person #{contact_id} is not one of your references; mark them first.")
        cursor.execute("DELETE FROM reference_steps WHERE contact_id = ? AND step = ?", [contact_id, step])
        cursor.execute(
            "INSERT INTO reference_steps (contact_id, step, done_on) VALUES (?, ?, ?)", [contact_id, step, done_on]
        )


# --- the outreach log and asks ------------------------------------------------------------------


def log_outreach(
    workbook: Workbook,
    contact_id: int,
    happened_on: date,
    kind: str,
    *,
    channel: str,
    outcome: str = "",
    request_kind: str = "",
    goal_id: int | None = None,
    note: str = "",
    today: date,
) -> int:
    """Log one contact with a person after checking every choice; moves 'last spoke' forward."""
    if channel not in CHANNELS:
        raise InvalidInput("Choose how you were in touch (call, email, in person...).")
    if outcome and outcome not in OUTCOMES:
        raise InvalidInput(f"'{outcome}' is not an outcome; choose one from the list.")
    if request_kind and request_kind not in REQUEST_KINDS:
        raise InvalidInput(f"'{request_kind}' is not a kind of request; choose one from the list.")
    if len(note) > NOTE_MAX:
        raise InvalidInput(f"The note is {len(note)} characters; keep it under {NOTE_MAX}.")
    if goal_id is not None and workbook.read_one("SELECT 1 FROM goals WHERE id = ?", [goal_id]) is None:
        raise InvalidInput("That target no longer exists; choose another or none.")
    return log_interaction(
        workbook,
        contact_id,
        happened_on,
        kind,
        channel=channel,
        outcome=outcome,
        request_kind=request_kind,
        goal_id=goal_id,
        note=note.strip(),
        today=today,
    )


def log_ask(
    workbook: Workbook,
    contact_id: int,
    *,
    message: str,
    request_kind: str,
    channel: str,
    goal_id: int | None,
    happened_on: date,
    today: date,
) -> int:
    """Log an ask you sent (its message kept as the note), waiting to hear back."""
    if blocking_findings(check_ask(message, channel)):
        raise InvalidInput("The message is empty; write it (or keep the draft) before saving the ask.")
    if request_kind not in REQUEST_KINDS:
        raise InvalidInput("Choose what you are asking for (advice, an introduction...).")
    return log_outreach(
        workbook,
        contact_id,
        happened_on,
        "ask",
        channel=channel,
        outcome="pending",
        request_kind=request_kind,
        goal_id=goal_id,
        note=message,
        today=today,
    )


def list_log(workbook: Workbook, kinds: Iterable[str] | None = None, limit: int = 50) -> list[dict]:
    """The latest logged contacts with names and target titles, newest first."""
    where, params = "", []
    if kinds is not None:
        where, params = f"WHERE i.kind IN {TEXTS} ", [list(kinds)]
    return workbook.read_dicts(
        "SELECT i.id, i.happened_on, c.name, i.contact_id, i.kind, i.channel, i.outcome, "
        "i.request_kind, coalesce(g.title, '') AS target, i.note FROM interactions i "
        f"{_LIVE} LEFT JOIN goals g ON g.id = i.goal_id {where}"
        "ORDER BY i.happened_on DESC, i.id DESC LIMIT ?",
        [*params, limit],
    )


def record_outcome(workbook: Workbook, interaction_id: int, outcome: str) -> None:
    """Record how an ask turned out; refuses an unknown outcome or something that was not an ask."""
    if outcome not in OUTCOMES:
        raise InvalidInput(f"'{outcome}' is not an outcome; choose one from the list.")
    with workbook.write() as cursor:
        updated = cursor.execute(
            "UPDATE interactions SET outcome = ? WHERE id = ? AND kind = 'ask' RETURNING id", [outcome, interaction_id]
        ).fetchall()
        if not updated:
            raise InvalidInput(f"Ask #{interaction_id} is not in the log (deleted?); reload the page.")


ASKS_BY_KIND_AND_OUTCOME = (
    "SELECT i.request_kind, coalesce(nullif(i.outcome, ''), 'pending'), count(*) FROM interactions i "
    f"{_LIVE} WHERE i.kind = 'ask' GROUP BY 1, 2 ORDER BY 1, 2"
)


def asks_by_kind_and_outcome(workbook: Workbook) -> list[tuple[str, str, int]]:
    """How many asks of each request kind ended in each outcome (blank outcome counts as pending)."""
    rows = workbook.read(ASKS_BY_KIND_AND_OUTCOME)
    return [(k, o, int(n)) for k, o, n in rows]


def count_asks(workbook: Workbook, at_most: int) -> int:
    """How many asks live people were sent, counted up to ``at_most`` (tip 2 needs only one: on
    PostgreSQL, counting 30,000 people's asks took 47 ms, finding the first well under 2)."""
    row = workbook.read_one(
        f"SELECT count(*) FROM (SELECT 1 FROM interactions i {_LIVE} WHERE i.kind = 'ask' LIMIT ?) AS asks", [at_most]
    )
    return int(row[0])


# --- follow-ups owed ----------------------------------------------------------------------------

_HELP_EVENTS = (
    "SELECT i.id, i.contact_id, i.happened_on, min(f.happened_on) AS followed_up_on "
    f"FROM interactions i {_LIVE} "
    "LEFT JOIN interactions f ON f.contact_id = i.contact_id AND f.happened_on >= i.happened_on "
    f"AND f.kind IN {TEXTS} "
    f"WHERE {_HELP} GROUP BY i.id, i.contact_id, i.happened_on"
)


def help_events(workbook: Workbook) -> list[HelpEvent]:
    """Every piece of help received, with the first follow-up on or after it."""
    rows = workbook.read(_HELP_EVENTS + " ORDER BY i.happened_on, i.id", [list(FOLLOW_UP_KINDS)])
    return [HelpEvent(int(i), int(c), h, f) for i, c, h, f in rows]


def follow_up_counts(workbook: Workbook, today: date, days: int) -> dict[str, int]:
    """How many help events are followed up, still in their grace period, or owed (as the core counts)."""
    cutoff = today - timedelta(days=days)
    rows = workbook.read(
        f"SELECT CASE WHEN followed_up_on IS NOT NULL THEN '{FOLLOW_UP_DONE}' "
        f"WHEN happened_on < ? THEN '{FOLLOW_UP_OWED}' ELSE '{FOLLOW_UP_DUE}' END, count(*) "
        f"FROM ({_HELP_EVENTS}) AS events GROUP BY 1",
        [cutoff, list(FOLLOW_UP_KINDS)],
    )
    counts = {FOLLOW_UP_DONE: 0, FOLLOW_UP_DUE: 0, FOLLOW_UP_OWED: 0}
    counts.update({status: int(n) for status, n in rows})
    return counts


def owed_follow_ups(workbook: Workbook, today: date, days: int, limit: int = 20) -> list[dict]:
    """The help still unthanked after ``days``, most recent first, with who helped and how."""
    cutoff = today - timedelta(days=days)
    return workbook.read_dicts(
        "SELECT h.id, h.contact_id, c.name, h.happened_on, i.kind, i.request_kind, i.channel, i.note "
        f"FROM ({_HELP_EVENTS}) h JOIN interactions i ON i.id = h.id JOIN contacts c ON c.id = h.contact_id "
        "WHERE h.followed_up_on IS NULL AND h.happened_on < ? "
        "ORDER BY h.happened_on DESC, h.id DESC LIMIT ?",
        [list(FOLLOW_UP_KINDS), cutoff, limit],
    )


def log_thank_you(workbook: Workbook, contact_id: int, today: date, channel: str = "email", note: str = "") -> int:
    """One click: log a thank-you to this person today."""
    return log_outreach(workbook, contact_id, today, "thank_you", channel=channel, note=note, today=today)


def reference_step_counts(workbook: Workbook) -> dict[str, int]:
    """How many live references have done each of the five steps."""
    rows = workbook.read(
        "SELECT s.step, count(*) FROM reference_steps s JOIN contacts c ON c.id = s.contact_id "
        "AND c.deleted_at IS NULL AND c.is_reference GROUP BY s.step"
    )
    counts = dict.fromkeys(REFERENCE_STEPS, 0)
    counts.update({step: int(n) for step, n in rows if step in counts})
    return counts
