"""Tip 4, rate your network: the score, its band, an action for every "no", and the change since last time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from core.model import RATING_QUESTIONS, Problem
from core.ties import SECTIONS

MAX_SCORE = len(RATING_QUESTIONS)
NOTE_FIELDS: dict[str, str] = {
    "strengths": "Strengths",
    "weaknesses": "Weaknesses",
    "opportunities": "Opportunities",
}
MAX_NOTE_CHARS = 2000
SHORT_QUESTIONS: dict[str, str] = {
    "truth": "tells you the truth",
    "challenge": "challenges you",
    "vibrant": "feels vibrant",
    "future": "reflects your future",
    "strong_links": "connects to strong networks",
}


@dataclass(frozen=True)
class Band:
    """One of the article's three score bands."""

    key: str
    label: str
    low: int
    high: int
    advice: str


BANDS: tuple[Band, ...] = (
    Band(
        "makeover",
        "Needs a makeover",
        0,
        2,
        "Most answers were no: rebuild the network around where you are heading, one action at a time.",
    ),
    Band(
        "enhance",
        "Needs enhancing",
        3,
        4,
        "A good base with gaps: work on each 'no' below to round the network out.",
    ),
    Band(
        "great",
        "In great shape",
        5,
        5,
        "Every answer was yes: keep it that way by staying in touch and retaking this now and then.",
    ),
)


@dataclass(frozen=True)
class Action:
    """What to do about one "no", and which tip of the article helps (and which part of its page)."""

    question: str
    text: str
    tip: int
    label: str  # the words of the link to the tip's page
    part: str | None = None  # the label of the part (tab) of that page that helps, if one does


# One action per question, used when that question is answered "no".
ACTIONS: dict[str, Action] = {
    "truth": Action(
        "truth",
        "Pick two people who know your work well and ask each for candid advice on how you come "
        "across; thank them whatever they say.",
        3,
        "Build relationships",
    ),
    "challenge": Action(
        "challenge",
        "Add weak ties from circles you rarely meet; newer acquaintances bring viewpoints that "
        "stretch you, where close friends mostly reassure.",
        5,
        "Strong and weak ties",
        SECTIONS[0],
    ),
    "vibrant": Action(
        "vibrant",
        "Make connecting a habit: choose your key contacts, give each a cadence and book the "
        "first catch-ups this week.",
        6,
        "Maintain your network",
    ),
    "future": Action(
        "future",
        "Write down where you want to go (associations, conferences, journals, fields) and link "
        "the people who relate to each; goals with nobody show where to grow.",
        5,
        "Strong and weak ties: where you want to go",
        SECTIONS[2],
    ),
    "strong_links": Action(
        "strong_links",
        "Record the people your contacts could introduce you to (a friend's boss, a "
        "colleague's partner) and note who would make each introduction.",
        1,
        "Know your network",
    ),
}


@dataclass(frozen=True)
class Comparison:
    """How a rating differs from the one before it."""

    change: int
    gained: tuple[str, ...]
    lost: tuple[str, ...]
    summary: str


def check_answers(answers: Mapping[str, object]) -> list[Problem]:
    """Problems with a set of answers: every question answered yes or no, and no unknown keys."""
    problems = [
        Problem(key, f"Unknown question '{key}'; answer only the five questions shown.")
        for key in answers
        if key not in RATING_QUESTIONS
    ]
    missing = [key for key in RATING_QUESTIONS if not isinstance(answers.get(key), bool)]
    if missing:
        count = len(missing)
        problems.append(
            Problem(
                missing[0],
                f"{count} of the {MAX_SCORE} questions {'is' if count == 1 else 'are'} not answered; "
                "choose yes or no for each, then save.",
            )
        )
    return problems


def check_notes(notes: Mapping[str, str]) -> list[Problem]:
    """Problems with the strengths, weaknesses and opportunities notes (unknown fields, too long)."""
    problems = [
        Problem(key, f"'{key}' is not a note of a rating; use strengths, weaknesses or opportunities.")
        for key in notes
        if key not in NOTE_FIELDS
    ]
    for key, label in NOTE_FIELDS.items():
        text = notes.get(key, "")
        if len(text) > MAX_NOTE_CHARS:
            problems.append(
                Problem(key, f"{label} is {len(text):,} characters; shorten it to {MAX_NOTE_CHARS:,} or fewer.")
            )
    return problems


def check_taken_on(taken_on: date, today: date) -> list[Problem]:
    """A rating is dated today or earlier."""
    if taken_on > today:
        return [Problem("taken_on", f"{taken_on:%d %b %Y} is in the future; date the rating today or earlier.")]
    return []


def score_answers(answers: Mapping[str, bool]) -> int:
    """One point for every question answered yes."""
    return sum(1 for key in RATING_QUESTIONS if answers.get(key) is True)


def band_for(score: int) -> Band:
    """The band a score falls in: 5 great shape, 3-4 needs enhancing, 0-2 needs a makeover."""
    for band in BANDS:
        if band.low <= score <= band.high:
            return band
    raise ValueError(f"A score is between 0 and {MAX_SCORE}; got {score}.")


def actions_for(answers: Mapping[str, bool]) -> list[Action]:
    """One action for every question not answered yes, in the order of the questions."""
    return [ACTIONS[key] for key in RATING_QUESTIONS if answers.get(key) is not True]


def short_question(key: str) -> str:
    """A few words naming a question, for lists and charts."""
    return SHORT_QUESTIONS[key]


def compare_ratings(current: Mapping[str, bool], previous: Mapping[str, bool] | None) -> Comparison:
    """What changed since the previous rating: the score, which answers turned yes or no, the band."""
    score = score_answers(current)
    if previous is None:
        return Comparison(0, (), (), f"First rating: {score} of {MAX_SCORE}. Retake it later to see progress.")
    before = score_answers(previous)
    gained = tuple(k for k in RATING_QUESTIONS if current.get(k) is True and previous.get(k) is not True)
    lost = tuple(k for k in RATING_QUESTIONS if current.get(k) is not True and previous.get(k) is True)
    return Comparison(score - before, gained, lost, _summarise(score, before, gained, lost))


def _summarise(score: int, before: int, gained: tuple[str, ...], lost: tuple[str, ...]) -> str:
    change = score - before
    if change > 0:
        head = f"Up {change} since last time ({before} to {score})."
    elif change < 0:
        head = f"Down {-change} since last time ({before} to {score})."
    else:
        head = f"Same score as last time ({score})."
    parts = [head]
    if gained:
        parts.append("Now yes: " + ", ".join(SHORT_QUESTIONS[k] for k in gained) + ".")
    if lost:
        parts.append("Now no: " + ", ".join(SHORT_QUESTIONS[k] for k in lost) + ".")
    return " ".join(parts)


def describe_history(history: list[tuple[date, int]]) -> str:
    """A plain reading of the score history (dates and scores, oldest first)."""
    if not history:
        return "No ratings yet: answer the five questions above to get your first score."
    latest_on, latest = history[-1]
    text = f"Latest: {latest} of {MAX_SCORE} on {latest_on:%d %b %Y} ({band_for(latest).label.lower()})."
    if len(history) == 1:
        return text + " Retake the rating in a few weeks to see whether your network is changing."
    first_on, first = history[0]
    best = max(score for _, score in history)
    trend = "up" if latest > first else "down" if latest < first else "level"
    return (
        text + f" Over {len(history)} ratings since {first_on:%d %b %Y} the score is {trend} "
        f"({first} to {latest}); the best was {best}."
    )
