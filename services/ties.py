"""Tip 5's use cases: the strong/weak mix, marking ties, where you want to go, and introduction paths."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import InvalidInput
from core.model import DESTINATION_KINDS, Contact, Goal
from core.ties import (
    DestinationReport,
    GraphLayout,
    IntroPath,
    TieMix,
    assess_destinations,
    describe_path,
    find_paths,
    goals_out_of_reach,
    layout_paths,
    summarise_mix,
)
from services.workbooks import Workbook
from store import contacts, goals, ties

MATCH_LIMIT = 50
LINKED_SHOWN = 20


@dataclass(frozen=True)
class Matches:
    """The first people matching a search (at most a page of them) and how many match in all."""

    people: tuple[Contact, ...]
    total: int


@dataclass(frozen=True)
class Destinations:
    """The destinations (associations, conferences, journals, fields) and whether people reach them."""

    goals: tuple[Goal, ...]
    report: DestinationReport


@dataclass(frozen=True)
class IntroductionPaths:
    """The best introduction paths, each said as a request, laid out for the graph; and the goals none reach."""

    paths: tuple[IntroPath, ...]
    requests: tuple[str, ...]
    layout: GraphLayout
    unreached: tuple[Goal, ...]


def tie_mix(workbook: Workbook) -> TieMix:
    """Strong and weak ties by circle, with a plain reading and what to do."""
    return summarise_mix(contacts.count_by_circle_and_tie(workbook))


def find_people(
    workbook: Workbook, search: str = "", circle: str | None = None, tie: str | None = None, limit: int = MATCH_LIMIT
) -> Matches:
    """The first ``limit`` live people matching a search, a circle and a tie, and how many match."""
    people, total = contacts.search_contacts(workbook, search, circle, tie, limit, 0)
    return Matches(tuple(people), total)


def mark_chosen(workbook: Workbook, contact_ids: list[int], tie: str) -> int:
    """Mark the chosen people strong or weak; how many changed."""
    if not contact_ids:
        raise InvalidInput("Choose at least one person from the list first.")
    return ties.set_ties(workbook, contact_ids, tie)


def mark_everyone_matching(
    workbook: Workbook, tie: str, search: str, circle: str | None, current_tie: str | None, confirmed: bool
) -> int:
    """Mark everyone matching the filters strong or weak, once the user has confirmed the count; how many changed."""
    if not confirmed:
        count = ties.count_matching(workbook, search, circle, current_tie)
        raise InvalidInput(f"Tick “Yes, change all {count:,}” to confirm.")
    return ties.set_ties_matching(workbook, tie, search, circle, current_tie)


def destinations(workbook: Workbook) -> Destinations:
    """Every destination, and how many people relate to each (those with nobody named)."""
    found = tuple(goals.list_goals(workbook, tuple(DESTINATION_KINDS)))
    return Destinations(found, assess_destinations(found, ties.count_people_per_goal(workbook)))


def add_destination(workbook: Workbook, kind: str, title: str, priority: int = 2) -> str:
    """Save a place you want to go (an association, a conference, a journal, a field); returns its title."""
    if kind not in DESTINATION_KINDS:
        raise InvalidInput(f"'{kind}' is not a kind of destination; choose one of {', '.join(DESTINATION_KINDS)}.")
    goals.add_goal(workbook, kind, title, priority)
    return title.strip()


def link_people(workbook: Workbook, goal_id: int, contact_ids: list[int]) -> int:
    """Record that these people relate to a destination; how many were chosen."""
    if not contact_ids:
        raise InvalidInput("Choose at least one person to link.")
    goals.link_contacts(workbook, goal_id, contact_ids)
    return len(contact_ids)


def linked_names(workbook: Workbook, goal_id: int, limit: int = LINKED_SHOWN) -> tuple[str, ...]:
    """The names of the first ``limit`` people linked to a destination, by name."""
    return tuple(name for _, name, _ in ties.people_for_goal(workbook, goal_id, limit=limit))


def remove_destination(workbook: Workbook, goal_id: int) -> None:
    """Delete a destination; the people linked to it stay in the list."""
    goals.delete_goal(workbook, goal_id)


def introduction_paths(workbook: Workbook, limit: int) -> IntroductionPaths:
    """The top ``limit`` paths from strong ties to people worth meeting (and their goals), and goals with no path."""
    people = ties.introduction_people(workbook)
    links = ties.introduction_goal_links(workbook)
    every_goal = goals.list_goals(workbook)
    paths = tuple(find_paths(people, links, every_goal, limit))
    return IntroductionPaths(
        paths=paths,
        requests=tuple(describe_path(p) for p in paths),
        layout=layout_paths(paths),
        unreached=tuple(goals_out_of_reach(ties.reach_people(workbook), ties.goal_links(workbook), every_goal)),
    )
