"""Tip 4's upgrade plan after a score under 5: how out of date the network is, and what to do next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.text import plural

PAST_CIRCLES = ("former_jobs", "school")  # where you have been
SILENT_DAYS = 365
STEPS_PER_KIND = 3
DESTINATION_STATUSES: dict[str, str] = {"": "Not yet", "joined": "Joined", "attended": "Attended", "reading": "Reading"}


@dataclass(frozen=True)
class Destination:
    """A place you want to go (tip 5), where you stand with it, and how many people you have linked to it."""

    goal_id: int
    kind: str
    title: str
    status: str = ""
    linked: int = 0


@dataclass(frozen=True)
class NetworkAge:
    """The counts that say how up to date a network is."""

    people: int = 0
    forward: int = 0  # people linked to a target or destination: where you want to go
    past: int = 0  # people from past circles (former jobs, school)
    silent: int = 0  # people last in touch more than a year ago
    destinations: tuple[Destination, ...] = ()


@dataclass(frozen=True)
class Step:
    """One next step of the plan, and the tip whose page does it."""

    text: str
    tip: int


@dataclass(frozen=True)
class UpgradePlan:
    """What the plan shows: the shares, the silent, the destinations nobody is linked to, and the steps."""

    forward_share: int  # whole percent of the people listed
    past_share: int
    silent: int
    unlinked: tuple[str, ...]
    steps: tuple[Step, ...]
    summary: str


def share(part: int, whole: int) -> int:
    """``part`` as a whole percent of ``whole`` (0 when there is nobody)."""
    return round(100 * part / whole) if whole else 0


def check_status(status: object) -> str | None:
    """Why ``status`` is not a destination status; None when it is one."""
    if status not in DESTINATION_STATUSES:
        return f"'{status}' is not a status; choose joined, attended, reading or not yet."
    return None


def plan_upgrade(age: NetworkAge) -> UpgradePlan:
    """The shares, the silent count, the unlinked destinations and the next steps, most telling first."""
    forward, past = share(age.forward, age.people), share(age.past, age.people)
    unlinked = tuple(d.title for d in age.destinations if not d.linked)
    steps: list[Step] = []
    if not age.destinations:
        steps.append(Step("Name an association, conference, journal or field you want to be part of.", 5))
    for title in unlinked[:STEPS_PER_KIND]:
        steps.append(Step(f"Find someone who belongs to “{title}”: a strong tie may know a person there.", 5))
    for d in [d for d in age.destinations if not d.status][:STEPS_PER_KIND]:
        steps.append(Step(f"Join, attend or start reading “{d.title}”, then mark where you stand below.", 5))
    if age.people and forward <= past:
        steps.append(
            Step(
                f"More of your list comes from where you have been ({past}%) than where you are going "
                f"({forward}%): link people to your targets and destinations.",
                2,
            )
        )
    if age.silent == 1:
        steps.append(
            Step("Someone has been silent for over a year: if you value them, add them to your reconnect list.", 6)
        )
    elif age.silent:
        steps.append(
            Step(
                f"{age.silent:,} people have been silent for over a year: "
                "add the ones you value to your reconnect list.",
                6,
            )
        )
    if not age.people:
        steps.insert(0, Step("List the people you know first: the plan reads your list.", 1))
    return UpgradePlan(forward, past, age.silent, unlinked, tuple(steps), _summary(age, forward, past, unlinked))


def _summary(age: NetworkAge, forward: int, past: int, unlinked: Sequence[str]) -> str:
    if not age.people:
        return "Nobody is listed yet, so there is nothing to measure."
    silent = plural(age.silent, "person", "people")
    if not age.destinations:
        places = "no place you want to go is named yet"
    elif unlinked:
        places = f"nobody is linked to {len(unlinked):,} of your {plural(len(age.destinations), 'place')} to go"
    else:
        places = "someone is linked to every place you want to go"
    return (
        f"{forward}% of your people are linked to where you want to go, {past}% come from past circles "
        f"(former jobs, school); {silent} silent for over a year; {places}."
    )
