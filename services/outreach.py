"""Tip 2's use cases: targets, the pitch, goal coverage, references and the outreach log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.errors import InvalidInput
from core.model import Goal
from core.outreach import (
    TARGET_EXAMPLES,
    GoalCoverage,
    ReferenceProgress,
    compute_coverage,
    describe_references,
    is_vague_target,
    reference_progress,
    target_label,
)
from core.text import distinct_labels
from services.workbooks import Workbook
from store import contacts, goals, outreach, ties

LOG_SHOWN = 30
PITCH_MAX = outreach.PITCH_MAX  # characters in each part of the pitch
NOTE_MAX = outreach.NOTE_MAX  # characters in a logged contact's note
# How many people the coverage reading names per target (and the first introduction path).
COVERAGE_NAMED = 3
PICK_FIRST = "Search for a person first, then pick them."


@dataclass(frozen=True)
class Targets:
    """Tip 2's targets, high priority first, each with its label; and the ones too open to bring leads."""

    goals: tuple[Goal, ...]
    labels: dict[int, str]
    vague: tuple[tuple[str, str], ...]  # (title, a specific example of its kind)


@dataclass(frozen=True)
class Pitch:
    """What you are looking for, and what you have done lately."""

    looking_for: str
    done_lately: str


@dataclass(frozen=True)
class Coverage:
    """Who can help with each target, and the names of the people the reading mentions."""

    targets: tuple[GoalCoverage, ...]
    names: dict[int, str]


@dataclass(frozen=True)
class References:
    """Every reference's progress through the five steps, their names, and a plain reading."""

    progress: tuple[ReferenceProgress, ...]
    names: dict[int, str]
    reading: str


# --- what you want ------------------------------------------------------------------------------


def list_targets(workbook: Workbook) -> Targets:
    """The targets (roles, employers, industries), labelled, with the vague ones and an example for each."""
    found = tuple(outreach.list_targets(workbook))
    vague = tuple(
        (g.title, TARGET_EXAMPLES.get(g.kind, TARGET_EXAMPLES["role"])) for g in found if is_vague_target(g.title)
    )
    return Targets(found, distinct_labels({g.id: target_label(g) for g in found}), vague)


def add_target(workbook: Workbook, kind: str, title: str, priority: int = 2) -> str:
    """Save a specific target and return its title as saved; a blank or vague one is refused with an example."""
    outreach.add_target(workbook, kind, title, priority)
    return title.strip()


def remove_target(workbook: Workbook, goal_id: int) -> None:
    """Remove a target; the people linked to it stay in the list."""
    goals.delete_goal(workbook, goal_id)


def link_person(workbook: Workbook, goal_id: int, contact_id: int | None) -> None:
    """Record that the person picked can help with the target."""
    if contact_id is None:
        raise InvalidInput(PICK_FIRST)
    goals.link_contacts(workbook, goal_id, [contact_id])


def get_pitch(workbook: Workbook) -> Pitch:
    """The pitch every ask starts from."""
    return Pitch(*outreach.get_pitch(workbook))


def save_pitch(workbook: Workbook, looking_for: str, done_lately: str) -> None:
    """Keep the pitch; an empty one, or one too long to say in a breath, is refused."""
    outreach.save_pitch(workbook, looking_for, done_lately)


def goal_coverage(workbook: Workbook) -> Coverage:
    """For each target, who can help directly or through an introduction, with the names the reading needs."""
    links = ties.goal_links(workbook)  # the same rule and the same people as tip 5's paths
    coverage = tuple(compute_coverage(outreach.list_targets(workbook), ties.reach_people(workbook), links))
    named = {i for c in coverage for i in c.direct[:COVERAGE_NAMED]}
    named |= {i for c in coverage for p in c.via[:1] for i in (p.introducer_id, p.helper_id)}
    return Coverage(coverage, contacts.contact_names(workbook, named))


# --- references ---------------------------------------------------------------------------------


def references_overview(workbook: Workbook) -> References:
    """Every reference by name, how far each has come through the five steps and what is next for them."""
    refs = outreach.list_references(workbook)
    steps = outreach.reference_steps(workbook)
    progress = tuple(reference_progress(r["id"], steps.get(r["id"], {})) for r in refs)
    companies = {r["id"]: r["company"] for r in refs}
    names = distinct_labels({r["id"]: r["name"] for r in refs}, companies.get)
    return References(progress, names, describe_references(list(progress)))


def mark_reference(workbook: Workbook, contact_id: int | None) -> None:
    """Mark the person picked as one of your references."""
    if contact_id is None:
        raise InvalidInput(PICK_FIRST)
    outreach.set_reference(workbook, [contact_id])


def record_step(workbook: Workbook, contact_id: int, step: str, done_on: date | None, today: date) -> None:
    """Record that a reference step was done on a day; a day still to come is refused."""
    outreach.record_reference_step(workbook, contact_id, step, done_on, today)


# --- the outreach log ---------------------------------------------------------------------------


def log_contact(
    workbook: Workbook,
    contact_id: int | None,
    *,
    happened_on: date,
    kind: str,
    channel: str,
    outcome: str = "",
    request_kind: str = "",
    note: str = "",
    today: date,
) -> None:
    """Log one contact (an outcome only for an ask, what was asked or given only for asks and help)."""
    if contact_id is None:
        raise InvalidInput("Search for the person you contacted, then pick them.")
    outreach.log_outreach(
        workbook,
        contact_id,
        happened_on,
        kind,
        channel=channel,
        outcome=outcome if kind == "ask" else "",
        request_kind=request_kind if kind in ("ask", "help_received") else "",
        note=note,
        today=today,
    )


def recent_log(workbook: Workbook, limit: int = LOG_SHOWN) -> list[dict]:
    """The latest logged contacts, newest first: when, who, what, how, outcome and note."""
    return outreach.list_log(workbook, None, limit)
