"""Tip 2's reach-out core: specific targets, goal coverage, reference progress, follow-ups owed."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from core.model import REFERENCE_STEPS, REQUEST_KINDS, TARGET_KINDS, Goal, Problem
from core.text import part_of
from core.ties import Person as TiePerson
from core.ties import reach_goals

FOLLOW_UP_DAYS = 14  # default grace before a thank-you counts as owed (a setting can change it)
PITCH_KEYS = ("pitch.looking_for", "pitch.done_lately")
FOLLOW_UP_DAYS_KEY = "follow_up_days"

# Kinds of logged contact that count as following up on help: thanks, feedback, news of the outcome.
FOLLOW_UP_KINDS = ("thank_you", "follow_up", "update")

TARGET_EXAMPLES: dict[str, str] = {
    "role": "Data analyst in a public-health team",
    "employer": "Riverside Community Hospital",
    "industry": "Renewable energy",
}

# Words that say nothing about where you want to go. A target made only of these is vague.
_VAGUE_WORDS = frozenset(
    [
        "any",
        "anything",
        "all",
        "everything",
        "something",
        "whatever",
        "whichever",
        "open",
        "to",
        "for",
        "in",
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "job",
        "jobs",
        "work",
        "role",
        "roles",
        "position",
        "positions",
        "opportunity",
        "opportunities",
        "possibility",
        "possibilities",
        "option",
        "options",
        "employer",
        "employers",
        "company",
        "companies",
        "industry",
        "industries",
        "field",
        "fields",
        "sector",
        "sectors",
        "kind",
        "sort",
        "type",
        "good",
        "great",
        "new",
        "better",
        "next",
        "career",
        "me",
        "i",
        "am",
        "im",
        "i'm",
        "really",
        "just",
        "available",
        "hiring",
        "paid",
        "full",
        "part",
        "time",
        "fulltime",
        "parttime",
    ]
)

COVERED_DIRECT = "direct"
COVERED_VIA_INTRO = "via_introduction"
UNCOVERED = "uncovered"


def is_vague_target(title: str) -> bool:
    """True when a target names nothing specific ('anything', 'any job', 'open to all')."""
    words = re.findall(r"[a-z0-9']+", title.lower())
    return bool(words) and all(w in _VAGUE_WORDS for w in words)


def target_label(goal: Goal) -> str:
    """A target as a list shows it: 'Data analyst (role)'."""
    return f"{goal.title} ({TARGET_KINDS.get(goal.kind, goal.kind).lower()})"


def check_target(kind: str, title: str) -> list[Problem]:
    """Problems with a proposed target: unknown kind, blank, or too vague to bring leads."""
    if kind not in TARGET_KINDS:
        return [Problem("kind", f"'{kind}' is not a kind of target; choose role, employer or industry.")]
    if not title.strip():
        return [
            Problem("title", f"The target is blank; write what you are aiming for, e.g. '{TARGET_EXAMPLES[kind]}'.")
        ]
    if is_vague_target(title):
        return [
            Problem(
                "title",
                f"'{title.strip()}' is too open: a vague target gives people nothing "
                "to act on, so leads dry up. Name one, e.g. "
                f"'{TARGET_EXAMPLES[kind]}'.",
            )
        ]
    return []


# --- goal coverage ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IntroPath:
    """A person who can help with a target, reached through the person who introduces them."""

    introducer_id: int
    helper_id: int


@dataclass(frozen=True)
class GoalCoverage:
    """Who can help with one target: directly, or through an introduction."""

    goal: Goal
    direct: tuple[int, ...]
    via: tuple[IntroPath, ...]

    @property
    def status(self) -> str:
        if self.direct:
            return COVERED_DIRECT
        return COVERED_VIA_INTRO if self.via else UNCOVERED


def compute_coverage(
    goals: Iterable[Goal], people: Iterable[TiePerson], goal_people: Mapping[int, Iterable[int]]
) -> list[GoalCoverage]:
    """For each target, who can help directly and who needs an introduction first, by the one rule
    of :func:`core.ties.reach_goals` (tip 5's introduction paths use the same); an introduction is
    asked of the strong tie at the head of the path."""
    return [
        GoalCoverage(
            access.goal,
            access.direct,
            tuple(IntroPath(path.introducer.id, path.target.id) for path in access.via),
        )
        for access in reach_goals(goals, people, goal_people)
    ]


# --- references ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceProgress:
    """How far one reference has come through the five steps, and what to do next."""

    contact_id: int
    done: Mapping[str, date]
    next_step: str | None

    @property
    def complete(self) -> bool:
        return self.next_step is None

    @property
    def steps_done(self) -> int:
        return len(self.done)


def reference_progress(contact_id: int, done: Mapping[str, date]) -> ReferenceProgress:
    """Progress of one reference: the first step in the article's order not yet done is next."""
    known = {step: on for step, on in done.items() if step in REFERENCE_STEPS}
    next_step = next((step for step in REFERENCE_STEPS if step not in known), None)
    return ReferenceProgress(contact_id, known, next_step)


def check_step_date(step: str, done_on: date | None, today: date) -> list[Problem]:
    """Problems with recording a reference step: unknown step, no date, or a date still to come."""
    if step not in REFERENCE_STEPS:
        return [Problem("step", f"'{step}' is not one of the five reference steps; choose from the list.")]
    if done_on is None:
        return [Problem("done_on", "Give the date the step was done.")]
    if done_on > today:
        return [Problem("done_on", f"{done_on:%d %b %Y} is in the future; record a step once it is done.")]
    return []


# --- follow-ups owed ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HelpEvent:
    """Help received from someone (a referral, an introduction, advice, a lead) or a helpful ask."""

    interaction_id: int
    contact_id: int
    happened_on: date
    followed_up_on: date | None = None  # the first thank-you, follow-up or update on or after it


FOLLOW_UP_DONE = "done"
FOLLOW_UP_OWED = "owed"
FOLLOW_UP_DUE = "due"  # no follow-up yet, but still inside the grace period
FOLLOW_UP_LABELS: dict[str, str] = {
    FOLLOW_UP_DONE: "Followed up",
    FOLLOW_UP_DUE: "Still time to thank",
    FOLLOW_UP_OWED: "Owed (overdue)",
}


def follow_up_status(event: HelpEvent, today: date, days: int = FOLLOW_UP_DAYS) -> str:
    """Done once thanked (late thanks still count); owed once ``days`` pass without thanks."""
    if event.followed_up_on is not None:
        return FOLLOW_UP_DONE
    return FOLLOW_UP_OWED if (today - event.happened_on).days > days else FOLLOW_UP_DUE


def count_follow_ups(events: Iterable[HelpEvent], today: date, days: int = FOLLOW_UP_DAYS) -> dict[str, int]:
    """How many help events are followed up, still in their grace period, or owed.

    The store counts in SQL where the data lives; its tests check it against this rule.
    """
    counts = {status: 0 for status in FOLLOW_UP_LABELS}
    for event in events:
        counts[follow_up_status(event, today, days)] += 1
    return counts


def check_follow_up_days(value: int) -> list[Problem]:
    """The grace period must be a whole number of days between 1 and 365."""
    if not 1 <= value <= 365:
        return [Problem("follow_up_days", "Choose between 1 and 365 days for thanking people.")]
    return []


# --- plain-words readings beside the charts -----------------------------------------------------

NERVOUS_POINTS = (
    "Helping feels good: most people are glad to lend a hand when they can.",
    "People enjoy being asked for advice; it recognises what they know.",
    "Nearly everyone has been between jobs or looking for one, so they will understand.",
    "Looking for work can be lonely; talking to people brings encouragement and company.",
    "Treat it as reconnecting, not a chore: the lighter it feels, the easier it gets.",
)


def describe_coverage(
    coverage: Iterable[GoalCoverage],
    names: Mapping[int, str],
    show: int = 3,
    *,
    escape: Callable[[str], str] = str,
) -> str:
    """A reading of goal coverage (Markdown): who to ask for each target, and which targets nobody covers.

    ``escape`` turns the user's text (target titles, names) into Markdown that shows it as typed.
    """
    coverage = list(coverage)
    if not coverage:
        return "No targets yet. Add a role, employer or industry you are aiming for, then link people to it."

    def name(contact_id: int, missing: str) -> str:
        return escape(names[contact_id]) if contact_id in names else missing

    lines = []
    for entry in coverage:
        title = escape(entry.goal.title)
        if entry.direct:
            who = ", ".join(name(i, f"#{i}") for i in entry.direct[:show])
            more = f" and {len(entry.direct) - show:,} more" if len(entry.direct) > show else ""
            lines.append(f"- **{title}**: ask {who}{more}.")
        elif entry.via:
            path = entry.via[0]
            lines.append(
                f"- **{title}**: ask {name(path.introducer_id, '?')} to introduce you to {name(path.helper_id, '?')}."
            )
        else:
            lines.append(f"- **{title}**: nobody yet. Who might know someone there? Ask a close friend first.")
    uncovered = sum(1 for c in coverage if c.status == UNCOVERED)
    head = (
        f"{part_of(len(coverage) - uncovered, len(coverage), 'target')} someone who can help."
        if uncovered
        else "Every target has someone who can help."
    )
    return "\n".join([head, "", *lines])


def describe_references(progress: list[ReferenceProgress]) -> str:
    """A reading of reference progress: how many are fully prepared and what comes next."""
    if not progress:
        # Only what is new here: the tab's opening paragraph already says who makes a good reference.
        return "No references marked yet: mark the first one below."
    complete = sum(1 for p in progress if p.complete)
    waiting: dict[str, int] = {}
    for p in progress:
        if p.next_step:
            waiting[p.next_step] = waiting.get(p.next_step, 0) + 1
    text = f"{part_of(complete, len(progress), 'reference')} been through all five steps."
    if waiting:
        step, count = max(waiting.items(), key=lambda item: (item[1], -list(REFERENCE_STEPS).index(item[0])))
        text += f" The most common next step is “{REFERENCE_STEPS[step].lower()}” ({count} waiting)."
    return text


def describe_help(kind: str, request_kind: str, note: str = "") -> str:
    """What someone did for you, after their name: 'helped with your ask for a referral'."""
    if kind == "ask":
        return f"helped with your ask for {REQUEST_KINDS.get(request_kind, 'help').lower()}"
    what = f" with {REQUEST_KINDS[request_kind].lower()}" if request_kind in REQUEST_KINDS else ""
    return f"helped you{what}" + (f" ({note[:60]})" if note else "")


def describe_follow_ups(counts: Mapping[str, int], days: int) -> str:
    """A reading of follow-ups: how many thank-yous are owed, and why they matter."""
    total = sum(counts.values())
    if not total:
        return "No help logged yet. When someone helps, log it, then thank them and tell them how it went."
    owed = counts.get(FOLLOW_UP_OWED, 0)
    done = counts.get(FOLLOW_UP_DONE, 0)
    text = f"You followed up on {done:,} of {total:,} times you were helped."
    if owed:
        text += (
            f" {owed:,} went more than {days} days without a thank-you: a short note now still "
            "counts, and tells them whether their help worked."
        )
    else:
        text += " Nothing is overdue: no hit-and-run networking here."
    return text
