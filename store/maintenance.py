"""Queries for tip 6: key contacts and cadences, person notes, the give-and-take ledger, the capacity
setting, and the inputs of the ranking (aggregated in SQL so a 30,000-person workbook stays fast)."""

from __future__ import annotations

from datetime import date

from core.errors import InvalidInput
from core.model import Contact, LedgerEntry
from core.priority import (
    BALANCE_MAX,
    BALANCE_PER_POINT,
    NEVER_CONTACTED,
    SILENCE_AFTER_DAYS,
    SILENCE_MAX,
    THANK_YOU_OWED,
    Candidate,
)
from core.reciprocity import PersonBalance, Tally, check_entry
from core.schedule import DEFAULT_CAPACITY, KeyContact, check_cadence, check_capacity
from store.contacts import CONTACT_COLUMNS
from store.contacts import _contact as contact_from_row
from store.followthrough import LOOPS_CTE, OPEN
from store.settings import get_setting, set_setting
from store.sql import bind
from store.workbook import Workbook

CAPACITY_KEY = "weekly_capacity"
NOTE_FIELDS = ("family", "job_notes", "interests", "needs")
MAX_NOTE_CHARS = 1000
OTHERS_LIMIT = 200  # people with no cadence, reference or top goal: only the most pressing reach Python
CORE_LIMIT = 3000
_LEDGER_COLUMNS = "id, contact_id, happened_on, direction, kind, weight, note"


def set_key_contact(workbook: Workbook, contact_id: int, cadence_days: int) -> None:
    """Mark a person as a key contact to be in touch with every ``cadence_days`` days."""
    problem = check_cadence(cadence_days)
    if problem:
        raise InvalidInput(problem)
    _update_live(workbook, contact_id, "is_key = true, cadence_days = ?", [cadence_days])


def unset_key_contact(workbook: Workbook, contact_id: int) -> None:
    """Take a person off the key contacts (their notes and history stay)."""
    _update_live(workbook, contact_id, "is_key = false, cadence_days = NULL", [])


def save_person_notes(workbook: Workbook, contact_id: int, **notes: str) -> None:
    """Save the notes kept on a person: family, job_notes, interests, needs."""
    unknown = set(notes) - set(NOTE_FIELDS)
    if unknown:
        raise InvalidInput(f"Cannot save {', '.join(sorted(unknown))}: the notes are {', '.join(NOTE_FIELDS)}.")
    long = [name for name, text in notes.items() if len(text) > MAX_NOTE_CHARS]
    if long:
        raise InvalidInput(f"The {long[0].replace('_', ' ')} note is over {MAX_NOTE_CHARS} characters; shorten it.")
    if notes:
        assignments = ", ".join(f"{name} = ?" for name in notes)
        _update_live(workbook, contact_id, assignments, [text.strip() for text in notes.values()])


def _update_live(workbook: Workbook, contact_id: int, assignments: str, params: list) -> None:
    with workbook.write() as cursor:
        done = cursor.execute(
            f"UPDATE contacts SET {assignments}, updated_at = current_timestamp "
            "WHERE id = ? AND deleted_at IS NULL RETURNING id",
            [*params, contact_id],
        ).fetchall()
        if not done:
            raise InvalidInput(f"Person #{contact_id} is not in the workbook (deleted?); choose someone listed.")


def list_reconnect(workbook: Workbook, limit: int = 200) -> list[Contact]:
    """The people on your reconnect list, high priority first, then by name."""
    rows = workbook.read(
        f"SELECT {', '.join(CONTACT_COLUMNS)} FROM contacts WHERE deleted_at IS NULL AND reconnect <> '' "
        "ORDER BY coalesce(reconnect_priority, 2), lower(name), id LIMIT ?",
        [limit],
    )
    return [contact_from_row(r) for r in rows]


# Both read PostgreSQL's small index of key contacts (store.schema_postgres.READ_INDEXES), not every row.
KEY_CONTACTS = (
    "SELECT id, name, cadence_days, last_contacted_on FROM contacts "
    "WHERE deleted_at IS NULL AND is_key AND cadence_days IS NOT NULL "
    "ORDER BY last_contacted_on NULLS FIRST, id LIMIT ?"
)
KEY_CONTACT_COUNT = "SELECT count(*) FROM contacts WHERE deleted_at IS NULL AND is_key"


def list_key_contacts(workbook: Workbook, limit: int = CORE_LIMIT) -> list[KeyContact]:
    """Key contacts with a cadence, longest-waiting first."""
    rows = workbook.read(KEY_CONTACTS, [limit])
    return [KeyContact(int(i), n, int(c), d) for i, n, c, d in rows]


def count_key_contacts(workbook: Workbook) -> int:
    """How many live people are marked as key contacts."""
    return int(workbook.read_one(KEY_CONTACT_COUNT)[0])


# --- the ledger ---------------------------------------------------------------------------------


def add_ledger_entry(
    workbook: Workbook,
    contact_id: int,
    happened_on: date,
    direction: str,
    kind: str,
    weight: int,
    *,
    today: date,
    note: str = "",
) -> int:
    """Record something given to or received from a person; refuses bad input and saves nothing."""
    problem = check_entry(direction, kind, weight)
    if problem:
        raise InvalidInput(problem)
    if happened_on > today:
        raise InvalidInput(f"{happened_on:%d %b %Y} is in the future; record it once it has happened.")
    if len(note) > MAX_NOTE_CHARS:
        raise InvalidInput(f"The note is over {MAX_NOTE_CHARS} characters; shorten it.")
    with workbook.write() as cursor:
        if (
            cursor.execute("SELECT 1 FROM contacts WHERE id = ? AND deleted_at IS NULL", [contact_id]).fetchone()
            is None
        ):
            raise InvalidInput(f"Person #{contact_id} is not in the workbook; choose someone listed.")
        row = cursor.execute(
            "INSERT INTO ledger (contact_id, happened_on, direction, kind, weight, note) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            [contact_id, happened_on, direction, kind, weight, note.strip()],
        ).fetchone()
    return int(row[0])


def delete_ledger_entry(workbook: Workbook, entry_id: int) -> None:
    """Remove one ledger entry (one recorded by mistake)."""
    with workbook.write() as cursor:
        cursor.execute("DELETE FROM ledger WHERE id = ?", [entry_id])


def list_ledger(workbook: Workbook, contact_id: int, limit: int = 50) -> list[LedgerEntry]:
    """A person's latest ledger entries, newest first."""
    rows = workbook.read(
        f"SELECT {_LEDGER_COLUMNS} FROM ledger WHERE contact_id = ? ORDER BY happened_on DESC, id DESC LIMIT ?",
        [contact_id, limit],
    )
    return [LedgerEntry(int(i), int(c), d, dr, k, int(w), n or "") for i, c, d, dr, k, w, n in rows]


_TALLY = (
    "SELECT coalesce(sum(weight) FILTER (WHERE direction = 'gave'), 0), "
    "coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0) FROM ledger"
)


def tally_person(workbook: Workbook, contact_id: int) -> Tally:
    """Weighted totals given to and received from one person."""
    gave, received = workbook.read_one(f"{_TALLY} WHERE contact_id = ?", [contact_id])
    return Tally(int(gave), int(received))


def tally_everyone(workbook: Workbook) -> Tally:
    """Weighted totals over the live people."""
    gave, received = workbook.read_one(
        f"{_TALLY} WHERE contact_id IN (SELECT id FROM contacts WHERE deleted_at IS NULL)"
    )
    return Tally(int(gave), int(received))


def balance_extremes(workbook: Workbook, top_n: int = 10) -> list[PersonBalance]:
    """The ``top_n`` people you owe most and the ``top_n`` who owe you most (for the chart)."""
    rows = workbook.read(
        "WITH b AS (SELECT l.contact_id, c.name, "
        "  sum(weight) FILTER (WHERE direction = 'gave') AS gave, "
        "  sum(weight) FILTER (WHERE direction = 'received') AS received "
        "  FROM ledger l JOIN contacts c ON c.id = l.contact_id AND c.deleted_at IS NULL "
        "  GROUP BY l.contact_id, c.name), "
        "n AS (SELECT contact_id, name, coalesce(gave, 0) AS gave, coalesce(received, 0) AS received, "
        "  coalesce(gave, 0) - coalesce(received, 0) AS balance FROM b) "
        "(SELECT * FROM n WHERE balance < 0 ORDER BY balance, lower(name), contact_id LIMIT ?) "
        "UNION ALL (SELECT * FROM n WHERE balance > 0 ORDER BY balance DESC, lower(name), contact_id LIMIT ?)",
        [top_n, top_n],
    )
    return [PersonBalance(int(i), name, int(g), int(r)) for i, name, g, r, _ in rows]


# --- settings -----------------------------------------------------------------------------------


def get_capacity(workbook: Workbook) -> int:
    """How many people a week the schedule plans (5 unless changed)."""
    value = get_setting(workbook, CAPACITY_KEY, str(DEFAULT_CAPACITY))
    return int(value) if value.isdigit() and check_capacity(int(value)) is None else DEFAULT_CAPACITY


def set_capacity(workbook: Workbook, capacity: int) -> None:
    """Keep the weekly capacity; refuses anything but 1 to 50 people a week."""
    problem = check_capacity(capacity)
    if problem:
        raise InvalidInput(problem)
    set_setting(workbook, CAPACITY_KEY, str(capacity))


# --- inputs of the ranking ----------------------------------------------------------------------

_FEATURES = """
WITH $loops,
owed AS (
    SELECT l.contact_id, min(l.happened_on) AS since FROM loops l WHERE $loop_open GROUP BY l.contact_id),
bal AS (
    SELECT contact_id, sum(CASE WHEN direction = 'gave' THEN weight ELSE -weight END) AS balance
    FROM ledger GROUP BY contact_id),
top_goals AS (
    SELECT cg.contact_id, array_agg(g.title ORDER BY g.id) AS titles FROM contact_goals cg
    JOIN goals g ON g.id = cg.goal_id AND g.priority = 1 GROUP BY cg.contact_id),
steps AS (SELECT contact_id, array_agg(step) AS done FROM reference_steps GROUP BY contact_id),
f AS (
    SELECT c.id, c.name, c.is_key, c.cadence_days, c.last_contacted_on, c.is_reference,
        s.done, g.titles, o.since, coalesce(b.balance, 0) AS balance, c.reconnect, c.reconnect_priority,
        (c.is_key OR c.cadence_days IS NOT NULL OR c.is_reference OR g.titles IS NOT NULL
         OR c.reconnect <> '') AS core
    FROM contacts c
    LEFT JOIN owed o ON o.contact_id = c.id
    LEFT JOIN bal b ON b.contact_id = c.id
    LEFT JOIN top_goals g ON g.contact_id = c.id
    LEFT JOIN steps s ON s.contact_id = c.id
    WHERE c.deleted_at IS NULL),
others AS (
    SELECT *, (CASE WHEN since IS NOT NULL THEN $thanks ELSE 0 END)
        + least($balance_max, $balance_per * greatest(0, -balance))
        + (CASE WHEN last_contacted_on IS NULL THEN $never
                WHEN CAST($today AS DATE) - last_contacted_on >= $silence_after
                THEN least($silence_max, 5 + CAST(floor(
                    (CAST($today AS DATE) - last_contacted_on - $silence_after) / CAST(60 AS FLOAT8)) AS BIGINT))
                ELSE 0 END) AS points
    FROM f WHERE NOT core)
(SELECT id, name, is_key, cadence_days, last_contacted_on, is_reference, done, titles, since, balance,
    reconnect, reconnect_priority
 FROM f WHERE core ORDER BY is_key DESC, last_contacted_on NULLS FIRST, id LIMIT $core_limit)
UNION ALL
(SELECT id, name, is_key, cadence_days, last_contacted_on, is_reference, done, titles, since, balance,
    reconnect, reconnect_priority
 FROM others WHERE points > 0
 ORDER BY points DESC, last_contacted_on NULLS FIRST, lower(name), id LIMIT $others_limit)
"""


def load_candidates(workbook: Workbook, today: date, others: int = OTHERS_LIMIT) -> list[Candidate]:
    """Everyone with a cadence, a reference role, a top goal or a place on your reconnect list, and the most
    pressing of the rest. "Owed" is help whose follow-through loop is still open (thank and report back)."""
    params = {
        "today": today,
        "thanks": THANK_YOU_OWED,
        "balance_max": BALANCE_MAX,
        "balance_per": BALANCE_PER_POINT,
        "never": NEVER_CONTACTED,
        "silence_after": SILENCE_AFTER_DAYS,
        "silence_max": SILENCE_MAX,
        "core_limit": CORE_LIMIT,
        "others_limit": others,
    }
    statement = _FEATURES.replace("$loops", LOOPS_CTE).replace("$loop_open", OPEN)
    rows = workbook.read(*bind(statement, params))
    return [
        Candidate(
            contact_id=int(i),
            name=name,
            is_key=bool(key),
            cadence_days=cadence,
            last_contacted_on=last,
            is_reference=bool(ref),
            reference_steps_done=frozenset(done or ()),
            high_priority_goals=tuple(titles or ()),
            thanks_owed_since=since,
            balance=int(balance),
            reconnect=reconnect or "",
            reconnect_priority=reconnect_priority,
        )
        for i, name, key, cadence, last, ref, done, titles, since, balance, reconnect, reconnect_priority in rows
    ]
