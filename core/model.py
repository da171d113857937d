"""The domain's vocabulary: circles, ties, goal kinds and the frozen values passed between layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

ARTICLE_TITLE = "Job Networking Tips"
ARTICLE_AUTHORS = "John E. Kobara and Melinda Smith, M.A."
ARTICLE_SOURCE = "HelpGuide.org"
ARTICLE_DATE = "March 2020"
ARTICLE_URL = "https://www.helpguide.org/articles/work-career/job-networking-tips.htm"

# Circle key -> label shown to the user. Order is the order the brainstorm walks through.
CIRCLES: dict[str, str] = {
    "family": "Family",
    "friends": "Friends",
    "neighbours": "Neighbours",
    "former_jobs": "Former jobs",
    "school": "School and college",
    "faith_civic": "Faith and civic groups",
    "childs_school": "Your child's school",
    "gym": "Gym and clubs",
    "online": "Online and social media",
    "services": "Service providers",
}

# Memory-jogging prompts, paraphrased from tip 1 of the article.
CIRCLE_PROMPTS: dict[str, str] = {
    "family": "Parents, siblings, cousins, in-laws, and the people they work with.",
    "friends": "Close friends, old friends you have drifted from, friends of friends.",
    "neighbours": "People on your street, in your building, the neighbour you chat with.",
    "former_jobs": "Past managers, co-workers, clients and suppliers from every job you have had.",
    "school": "Classmates, teachers and roommates from high school and college.",
    "faith_civic": "Your place of worship, volunteering, clubs and civic associations.",
    "childs_school": "Other parents, teachers and coaches at your child's school.",
    "gym": "People from the gym, a sports team, a yoga class or a hobby group.",
    "online": "Connections on LinkedIn and other social media, online communities.",
    "services": "Your doctor, accountant, landlord, hairdresser, dry cleaner or instructor.",
}

TIES: dict[str, str] = {"strong": "Strong tie", "weak": "Weak tie"}

# How well you know someone: it decides how an ask opens (tip 3), not the tie. '' on a person means
# "not set": core.asks.guess_familiarity reads it from the circle and the tie.
FAMILIARITY: dict[str, str] = {
    "friend": "A friend",
    "family": "Family",
    "old_colleague": "An old colleague",
    "professional": "A busy professional I do not know well",
}

# Goal kinds: tip 2's targets, then tip 5's "where you want to go".
TARGET_KINDS: dict[str, str] = {"role": "Role", "employer": "Employer", "industry": "Industry"}
DESTINATION_KINDS: dict[str, str] = {
    "association": "Association",
    "conference": "Conference or event",
    "journal": "Journal or publication",
    "field": "Field to join",
}
GOAL_KINDS: dict[str, str] = {**TARGET_KINDS, **DESTINATION_KINDS}

CHANNELS: dict[str, str] = {
    "in_person": "In person",
    "call": "Call",
    "video": "Video call",
    "email": "Email",
    "message": "Message",
    "event": "Event",
    "social": "Social media",
}

INTERACTION_KINDS: dict[str, str] = {
    "catch_up": "Catch-up",
    "ask": "Ask",
    "follow_up": "Follow-up",
    "thank_you": "Thank-you",
    "update": "Update",
    "help_given": "Help given",
    "help_received": "Help received",
}

REQUEST_KINDS: dict[str, str] = {
    "advice": "Advice",
    "information": "Information",
    "insider_view": "An insider's view of the field",
    "referral": "A referral",
    "introduction": "An introduction",
    "reference": "A reference",
}

OUTCOMES: dict[str, str] = {
    "pending": "Waiting to hear",
    "helped": "Helped",
    "declined": "Could not help",
    "no_reply": "No reply",
}

# How it went, told to someone who helped: the report-back step of the follow-through loop.
REPORT_OUTCOMES: dict[str, str] = {
    "interview": "Got an interview",
    "job": "Got the job",
    "still_looking": "Still looking",
    "more_help": "Need more help",
}

# Your own reconnect list: why you want to be back in touch with someone.
RECONNECT_REASONS: dict[str, str] = {
    "reconnect": "Want to reconnect",
    "value_view": "Value their view",
    "know_better": "Want to know better",
}
RECONNECT_PRIORITIES: dict[int, str] = {1: "High", 2: "Normal", 3: "Low"}

# The five reference steps of tip 2, in order.
REFERENCE_STEPS: dict[str, str] = {
    "agreed": "Agreed to be a reference",
    "told_goals": "Told your goals",
    "kept_informed": "Kept informed",
    "prepared": "Prepared for calls from employers",
    "thanked": "Told what happened and thanked",
}

# Tip 4's five yes/no questions, paraphrased.
RATING_QUESTIONS: dict[str, str] = {
    "truth": "Do you trust your network to tell you the truth about yourself?",
    "challenge": "Do the people in your network push you to grow, not only back you up?",
    "vibrant": "Does your network feel vibrant and dynamic?",
    "future": "Does your network reflect where you want to go as much as where you have been?",
    "strong_links": "Are the networks your network connects to strong ones?",
}

LEDGER_KINDS: dict[str, str] = {
    "thank_you": "A thank-you note",
    "article": "An article or resource",
    "introduction": "An introduction",
    "referral": "A referral",
    "advice": "Advice",
    "check_in": "A check-in",
    "lead": "A job lead",
}
LEDGER_DIRECTIONS: dict[str, str] = {"gave": "I gave", "received": "I received"}


@dataclass(frozen=True)
class Contact:
    """A person in the network, as stored."""

    id: int
    name: str
    email: str = ""
    phone: str = ""
    company: str = ""
    role: str = ""
    circle: str = "friends"
    tie: str = "weak"
    introduced_by: int | None = None
    notes: str = ""
    is_reference: bool = False
    is_key: bool = False
    cadence_days: int | None = None
    family: str = ""
    job_notes: str = ""
    interests: str = ""
    needs: str = ""
    last_contacted_on: date | None = None
    reconnect: str = ""  # a key of RECONNECT_REASONS, or "" when not on your reconnect list
    reconnect_priority: int | None = None  # 1 high, 2 normal, 3 low
    created_at: datetime | None = None
    updated_at: datetime | None = None
    familiarity: str = ""  # a FAMILIARITY key, or '' when not set (guessed from circle and tie)


@dataclass(frozen=True)
class ContactDraft:
    """What a form or an importer proposes to save; validated before it reaches the store."""

    name: str
    email: str = ""
    phone: str = ""
    company: str = ""
    role: str = ""
    circle: str = "friends"
    tie: str = "weak"
    introduced_by: int | None = None
    notes: str = ""
    source: str = ""
    source_key: str = ""


@dataclass(frozen=True)
class Interaction:
    """One logged contact with a person: a meeting, an ask, a thank-you."""

    id: int
    contact_id: int
    happened_on: date
    kind: str
    channel: str = ""
    outcome: str = ""
    request_kind: str = ""
    goal_id: int | None = None
    note: str = ""
    help_id: int | None = None  # a thank-you or report-back: the help it follows


@dataclass(frozen=True)
class Goal:
    """A specific target (role, employer, industry) or a place to go (association, conference...)."""

    id: int
    kind: str
    title: str
    priority: int = 2  # 1 high, 2 normal, 3 low


@dataclass(frozen=True)
class Rating:
    """One taking of tip 4's quiz."""

    id: int
    taken_on: date
    score: int
    answers: dict[str, bool] = field(default_factory=dict)
    strengths: str = ""
    weaknesses: str = ""
    opportunities: str = ""


@dataclass(frozen=True)
class LedgerEntry:
    """Something given to or received from a person, with a visible weight."""

    id: int
    contact_id: int
    happened_on: date
    direction: str  # 'gave' | 'received'
    kind: str
    weight: int
    note: str = ""


@dataclass(frozen=True)
class Problem:
    """A validation finding: which field, what is wrong and what to do, in one line."""

    field: str
    message: str
    blocking: bool = True
