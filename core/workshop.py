"""Workshops: room codes and keys, the figures a participant may share, the room's aggregates, the agenda.

A room only ever sees numbers and yes/no answers. Nothing here takes a contact, and the share
is checked field by field before a store may keep it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from core.model import CIRCLES, RATING_QUESTIONS, Problem
from core.rating import BANDS, MAX_SCORE, SHORT_QUESTIONS, band_for
from core.text import plain_text_problem

# No 0/O, 1/I/L: a code read off a projector or typed on a phone has no look-alikes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
KEY_BYTES = 24
EXPIRY_HOURS = (1, 2, 3, 4, 6, 8, 12)
DEFAULT_EXPIRY_HOURS = 3
MIN_GROUP = 3
MAX_NICKNAME = 30
MAX_COUNT = 10_000_000
TIPS = (1, 2, 3, 4, 5, 6)
TIP_TITLES: dict[int, str] = {
    1: "Know your network",
    2: "Reach out",
    3: "Build relationships",
    4: "Rate your network",
    5: "Strong and weak ties",
    6: "Maintain your network",
}
COUNT_FIELDS = ("strong_ties", "weak_ties", "circles_covered", "asks_made", "follow_ups_done")
# What a participant is told is shared, in the order of the preview.
SHARED_FIGURES: dict[str, str] = {
    "score": "Your rating score (0–5) and your five yes/no answers",
    "strong_ties": "How many strong ties you have listed",
    "weak_ties": "How many weak ties you have listed",
    "circles_covered": "How many of the ten circles have someone in them",
    "asks_made": "How many asks you have logged",
    "follow_ups_done": "How many thank-yous and follow-ups you have logged",
    "tips_completed": "Which of the six tips you have completed",
}


@dataclass(frozen=True)
class Room:
    """A workshop room as the store keeps it: a code, when it closes, the minimum group, the agenda clock."""

    code: str
    expires_at: datetime
    min_group: int = MIN_GROUP
    agenda_started_at: datetime | None = None


@dataclass(frozen=True)
class ParticipantShare:
    """The aggregate figures one participant agrees to share: numbers and yes/no answers, never text."""

    score: int | None = None  # None until the rating quiz is taken
    answers: tuple[bool, ...] = ()  # in RATING_QUESTIONS order; empty until rated
    strong_ties: int = 0
    weak_ties: int = 0
    circles_covered: int = 0
    asks_made: int = 0
    follow_ups_done: int = 0
    tips_completed: frozenset[int] = field(default_factory=frozenset)

    @property
    def rated(self) -> bool:
        return self.score is not None


def new_code(choose: Callable[[str], str] = secrets.choice) -> str:
    """A fresh room code: six characters from an alphabet without look-alikes."""
    return "".join(choose(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """The code as typed, upper-cased, without spaces or dashes (so 'k7m 2qx' finds K7M2QX)."""
    return "".join(ch for ch in (text or "").upper() if ch not in " -\t")


def check_code(text: str) -> list[Problem]:
    """A problem when the text cannot be a room code at all."""
    code = normalise_code(text)
    if not code:
        return [Problem("code", "Type the room code your facilitator shows (6 letters and digits).")]
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        shown = code[:20]
        return [
            Problem(
                "code",
                f"“{shown}” is not a room code: a code is 6 letters and digits, like K7M2QX; "
                "check it with your facilitator.",
            )
        ]
    return []


def new_key() -> str:
    """A secret facilitator key, fit for a link."""
    return secrets.token_urlsafe(KEY_BYTES)


def hash_key(key: str) -> str:
    """What the store keeps instead of the key itself."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def key_matches(key: str | None, key_hash: str) -> bool:
    """Whether a facilitator key opens the room whose key hashes to ``key_hash`` (in constant time)."""
    return bool(key) and hmac.compare_digest(hash_key(key), key_hash)


def check_expiry_hours(hours: float) -> list[Problem]:
    """A room stays open between one hour and a day."""
    if not 0 < hours <= 24:
        return [Problem("expires_in", f"A room stays open between 1 and 24 hours; got {hours:g}.")]
    return []


def is_expired(expires_at: datetime, now: datetime) -> bool:
    """A room is closed from its expiry time on."""
    return now >= expires_at


def check_nickname(text: str) -> tuple[str, list[Problem]]:
    """The nickname cleaned (blank is fine), and a problem when it is too long or has control characters."""
    raw = text or ""
    problem = plain_text_problem(raw[: MAX_NICKNAME * 4], MAX_NICKNAME * 4, "A nickname")  # look before cleaning
    clean = " ".join(raw.split())
    problem = plain_text_problem(clean, MAX_NICKNAME, "A nickname") or problem
    if len(raw) > MAX_NICKNAME * 4:
        problem = f"A nickname is at most {MAX_NICKNAME} characters; shorten it."
    return clean, [Problem("nickname", problem)] if problem else []


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT


def check_share(share: ParticipantShare) -> list[Problem]:
    """Problems with a share: every field a number or yes/no in range, the score matching the answers."""
    if not isinstance(share, ParticipantShare):
        return [Problem("share", "Only a ParticipantShare of figures can be shared.")]
    problems = [
        Problem(name, f"{name} must be a whole number from 0 up.")
        for name in COUNT_FIELDS
        if not _is_count(getattr(share, name))
    ]
    if not _is_count(share.circles_covered) or share.circles_covered > len(CIRCLES):
        problems.append(Problem("circles_covered", f"Circles covered is between 0 and {len(CIRCLES)}."))
    if not isinstance(share.tips_completed, frozenset) or not share.tips_completed <= set(TIPS):
        problems.append(Problem("tips_completed", "Tips completed are numbers from 1 to 6."))
    problems += _check_rating(share)
    return problems


def _check_rating(share: ParticipantShare) -> list[Problem]:
    if share.score is None:
        return [] if share.answers == () else [Problem("answers", "Answers come with a score.")]
    answers_ok = (
        isinstance(share.answers, tuple)
        and len(share.answers) == len(RATING_QUESTIONS)
        and all(isinstance(a, bool) for a in share.answers)
    )
    if not answers_ok:
        return [Problem("answers", f"A rating has {len(RATING_QUESTIONS)} yes/no answers.")]
    if not _is_count(share.score) or share.score != sum(share.answers):
        return [Problem("score", "The score is the number of yes answers.")]
    return []


@dataclass(frozen=True)
class RoomSummary:
    """What the facilitator's dashboard shows. Item-level parts are None below the minimum group."""

    joined: int
    shared: int
    min_group: int
    rated: int = 0
    score_counts: tuple[tuple[int, int], ...] | None = None  # (score, participants) for 0..5
    band_counts: tuple[tuple[str, int], ...] | None = None  # (band key, participants)
    no_counts: tuple[tuple[str, int], ...] | None = None  # (question key, participants), most common first
    strong_ties: int | None = None
    weak_ties: int | None = None
    tip_counts: tuple[tuple[int, int], ...] | None = None  # (tip, participants who completed it)
    asks_made: int | None = None
    follow_ups_done: int | None = None
    median_circles: float | None = None

    @property
    def visible(self) -> bool:
        """Whether enough people have shared for any figure beyond the head counts."""
        return self.shared >= self.min_group

    @property
    def ratings_visible(self) -> bool:
        return self.score_counts is not None


def summarise_room(joined: int, shares: Sequence[ParticipantShare], min_group: int = MIN_GROUP) -> RoomSummary:
    """The room's aggregates; nothing item-level until ``min_group`` people have shared (and rated)."""
    shared = len(shares)
    if shared < min_group:
        return RoomSummary(joined, shared, min_group)
    rated = [s for s in shares if s.rated]
    tips = Counter(tip for s in shares for tip in s.tips_completed)
    circles = sorted(s.circles_covered for s in shares)
    middle = len(circles) // 2
    median = circles[middle] if len(circles) % 2 else (circles[middle - 1] + circles[middle]) / 2
    rating_parts = _summarise_ratings(rated) if len(rated) >= min_group else {}
    return RoomSummary(
        joined,
        shared,
        min_group,
        rated=len(rated),
        strong_ties=sum(s.strong_ties for s in shares),
        weak_ties=sum(s.weak_ties for s in shares),
        tip_counts=tuple((tip, tips[tip]) for tip in TIPS),
        asks_made=sum(s.asks_made for s in shares),
        follow_ups_done=sum(s.follow_ups_done for s in shares),
        median_circles=float(median),
        **rating_parts,
    )


def _summarise_ratings(rated: Sequence[ParticipantShare]) -> dict:
    scores = Counter(s.score for s in rated)
    bands = Counter(band_for(s.score).key for s in rated)
    noes = Counter(key for s in rated for key, yes in zip(RATING_QUESTIONS, s.answers) if not yes)
    order = list(RATING_QUESTIONS)
    ranked = sorted(RATING_QUESTIONS, key=lambda k: (-noes[k], order.index(k)))
    return {
        "score_counts": tuple((score, scores[score]) for score in range(MAX_SCORE + 1)),
        "band_counts": tuple((band.key, bands[band.key]) for band in BANDS),
        "no_counts": tuple((key, noes[key]) for key in ranked),
    }


def describe_summary(summary: RoomSummary) -> str:
    """The dashboard in plain words."""
    head = f"{summary.joined} joined, {summary.shared} shared."
    if not summary.visible:
        wait = summary.min_group - summary.shared
        return (
            head
            + f" Figures appear once {summary.min_group} have shared ({wait} more to go), so nobody can be singled out."
        )
    parts = [head]
    if summary.ratings_visible:
        labels = {b.key: b.label.lower() for b in BANDS}
        parts.append("Bands: " + ", ".join(f"{labels[key]} {count}" for key, count in summary.band_counts) + ".")
        key, count = summary.no_counts[0]
        if count:
            parts.append(f"Most common “no”: {SHORT_QUESTIONS[key]} ({count}).")
    else:
        parts.append(f"Ratings appear once {summary.min_group} have taken the quiz ({summary.rated} so far).")
    ties = summary.strong_ties + summary.weak_ties
    if ties:
        parts.append(f"Ties: {summary.strong_ties:,} strong, {summary.weak_ties:,} weak.")
    return " ".join(parts)


def summary_rows(summary: RoomSummary) -> list[tuple[str, str, str]]:
    """The aggregates as (section, item, value) rows, in the order of the dashboard."""
    rows = [
        ("room", "joined", str(summary.joined)),
        ("room", "shared", str(summary.shared)),
        ("room", "minimum group", str(summary.min_group)),
    ]
    if not summary.visible:
        return rows + [("note", "hidden", f"fewer than {summary.min_group} shared: no other figures")]
    rows.append(("rating", "participants rated", str(summary.rated)))
    if summary.ratings_visible:
        rows += [("score", str(score), str(count)) for score, count in summary.score_counts]
        labels = {b.key: b.label for b in BANDS}
        rows += [("band", labels[key], str(count)) for key, count in summary.band_counts]
        rows += [("no answer", SHORT_QUESTIONS[key], str(count)) for key, count in summary.no_counts]
    rows += [("ties", "strong", str(summary.strong_ties)), ("ties", "weak", str(summary.weak_ties))]
    rows += [("tip completed", f"{tip} {TIP_TITLES[tip]}", str(count)) for tip, count in summary.tip_counts]
    rows += [
        ("activity", "asks made", str(summary.asks_made)),
        ("activity", "follow-ups done", str(summary.follow_ups_done)),
        ("activity", "median circles covered", f"{summary.median_circles:g}"),
    ]
    return rows


def describe_share(share: ParticipantShare) -> list[tuple[str, str]]:
    """The preview a participant sees before sharing: (what, value) in plain words."""
    if share.rated:
        yes_no = ", ".join(
            f"{SHORT_QUESTIONS[k]}: {'yes' if a else 'no'}" for k, a in zip(RATING_QUESTIONS, share.answers)
        )
        rating = f"{share.score} of {MAX_SCORE} ({yes_no})"
    else:
        rating = "not taken yet"
    tips = ", ".join(str(t) for t in sorted(share.tips_completed)) or "none yet"
    values = {
        "score": rating,
        "strong_ties": str(share.strong_ties),
        "weak_ties": str(share.weak_ties),
        "circles_covered": f"{share.circles_covered} of {len(CIRCLES)}",
        "asks_made": str(share.asks_made),
        "follow_ups_done": str(share.follow_ups_done),
        "tips_completed": tips,
    }
    return [(SHARED_FIGURES[name], values[name]) for name in SHARED_FIGURES]


@dataclass(frozen=True)
class AgendaItem:
    """One step of the workshop: a tip, its minutes and a question to discuss."""

    tip: int
    title: str
    minutes: int
    prompt: str


# Prompts written for this app, after the article's six tips (paraphrased, not quoted).
AGENDA: tuple[AgendaItem, ...] = (
    AgendaItem(
        1,
        TIP_TITLES[1],
        10,
        "Which circle surprised you the most? Who did you remember only once you went circle by circle?",
    ),
    AgendaItem(
        2,
        TIP_TITLES[2],
        10,
        "Say your target in one sentence to your neighbour. Is it specific enough that they could name someone?",
    ),
    AgendaItem(
        3,
        TIP_TITLES[3],
        10,
        "Turn a request for a job into a request for advice. What would you ask, and how would you follow up?",
    ),
    AgendaItem(
        4,
        TIP_TITLES[4],
        8,
        "Which question did most of the room answer no? What is one step this week that would turn it into a yes?",
    ),
    AgendaItem(
        5,
        TIP_TITLES[5],
        10,
        "Who in your inner circle could introduce you to someone new in the field you are heading for?",
    ),
    AgendaItem(
        6,
        TIP_TITLES[6],
        12,
        "Pick three key contacts and a rhythm for each. What could you give them before you ask for anything?",
    ),
)


@dataclass(frozen=True)
class AgendaNow:
    """Where a timed run through the agenda stands."""

    index: int  # position in the agenda; len(agenda) once it is over
    item: AgendaItem | None
    seconds_left: int  # in the current item
    finished: bool


def agenda_minutes(agenda: Sequence[AgendaItem] = AGENDA) -> int:
    """The whole agenda's length in minutes."""
    return sum(item.minutes for item in agenda)


def agenda_position(started_at: datetime, now: datetime, agenda: Sequence[AgendaItem] = AGENDA) -> AgendaNow:
    """The current item and the seconds left in it, for an agenda started at ``started_at``."""
    elapsed = max(0.0, (now - started_at).total_seconds())
    end = 0.0
    for index, item in enumerate(agenda):
        end += item.minutes * 60
        if elapsed < end:
            return AgendaNow(index, item, int(end - elapsed + 0.999), False)
    return AgendaNow(len(agenda), None, 0, True)


def start_for_item(index: int, now: datetime, agenda: Sequence[AgendaItem] = AGENDA) -> datetime:
    """The start time that puts the agenda at the beginning of item ``index`` now (to skip or go back)."""
    index = max(0, min(index, len(agenda)))
    return now - timedelta(minutes=sum(item.minutes for item in agenda[:index]))


def format_left(seconds: int) -> str:
    """Time left as m:ss."""
    return f"{seconds // 60}:{seconds % 60:02d}"
