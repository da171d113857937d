"""Tip 3's ask composer and ask checker: draft a considerate, specific ask and flag what hurts it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.model import CHANNELS, REQUEST_KINDS

# How many characters a message on each channel can carry before it gets skimmed or cut off.
# Spoken channels hold talking points: about a minute of speech.
CHANNEL_LIMITS: dict[str, int] = {
    "email": 1200,
    "message": 600,
    "social": 300,  # a LinkedIn connection note stops at 300
    "call": 700,
    "video": 700,
    "in_person": 700,
    "event": 400,
}
SHORT_CHANNELS = frozenset({"social", "event"})

APPROACHES: dict[str, str] = {
    "catch_up": "Catch up first (an old friend or a strong tie)",
    "direct": "Straight to the point (a busy professional or a weak tie)",
}


FINDING_TITLES: dict[str, str] = {
    "empty": "Nothing to send",
    "job_outright": "Asks for a job outright",
    "generic": "Too generic",
    "no_request": "No concrete request",
    "no_goal": "No goal",
    "too_long": "Too long for the channel",
}


@dataclass(frozen=True)
class AskRequest:
    """What the composer needs: who, what kind of help, for which target, and your news."""

    first_name: str
    request_kind: str
    target: str = ""
    target_kind: str = ""
    recent: str = ""
    looking_for: str = ""
    approach: str = "direct"
    channel: str = "email"


@dataclass(frozen=True)
class Finding:
    """One thing the checker flags: a code, why it hurts, and a suggested rewrite."""

    code: str
    why: str
    rewrite: str
    phrase: str = ""
    blocking: bool = False


def choose_approach(tie: str, circle: str = "") -> str:
    """Catch up first with strong ties and old friends; go straight to the point otherwise."""
    if tie == "strong" or circle in ("family", "friends"):
        return "catch_up"
    return "direct"


# --- the composer -------------------------------------------------------------------------------

_REQUESTS: dict[str, str] = {
    "advice": "Could I ask your advice on how to move into {target}? Twenty minutes on a call would help a lot.",
    "information": "Could you tell me what you know about {target}: who is hiring and which skills they value?",
    "insider_view": (
        "Would you share an insider's view of {target}: what the work is really like and where it is heading?"
    ),
    "referral": "Would you feel comfortable referring me to the person who leads hiring for {target}?",
    "introduction": "Do you know someone in {target} you could introduce me to?",
    "reference": "Would you be willing to act as a reference for me as I apply for {target}?",
}
_SHORT_REQUESTS: dict[str, str] = {
    "advice": "Could I get your advice on moving into {target}?",
    "information": "Could you tell me who is hiring in {target}?",
    "insider_view": "Could I hear your view of {target}?",
    "referral": "Could you refer me to whoever hires for {target}?",
    "introduction": "Could you introduce me to someone in {target}?",
    "reference": "Would you be a reference for me for {target}?",
}


def compose_ask(request: AskRequest) -> str:
    """Draft an ask: a catch-up first for strong ties, straight to the point for weak ones."""
    if request.request_kind not in REQUEST_KINDS:
        raise ValueError(f"'{request.request_kind}' is not a kind of request; choose one of the list.")
    name = request.first_name.strip() or "there"
    target = describe_target(request.target_kind, request.target)
    if request.channel in SHORT_CHANNELS:
        return _compose_short(request, name, target)
    lines = [f"Hi {name},", ""]
    if request.approach == "catch_up":
        lines += [
            "It has been too long! How are you, and how are things at home and at work?",
            "I would love to hear your news.",
            "",
        ]
    else:
        lines += ["I know your time is precious, so I will keep this short.", ""]
    lines += _news_lines(request, target)
    lines += [_REQUESTS[request.request_kind].format(target=target), ""]
    if request.approach == "catch_up":
        lines.append("Either way, let's catch up soon. Thank you!")
    else:
        lines.append("Thank you for considering it.")
    return "\n".join(lines)


def describe_target(kind: str, title: str) -> str:
    """A target as it reads inside a sentence: 'data analyst roles in healthcare', 'the energy field'."""
    title = " ".join(title.split())
    if not title:
        return "the field I am aiming for"
    if kind in ("role", "industry") and len(title) > 1 and not title[:2].isupper():
        title = title[0].lower() + title[1:]  # mid-sentence; acronyms such as "UX researcher" stay
    if kind == "role":
        if re.search(r"\b(roles?|jobs?|positions?)\b", title.lower()):
            return title
        head, sep, tail = _split_qualifier(title)
        return f"{head} roles{sep}{tail}"
    if kind == "industry" and not title.lower().startswith("the "):
        return f"the {title} field"
    return title


def _split_qualifier(title: str) -> tuple[str, str, str]:
    """'data analyst in healthcare' -> ('data analyst', ' in ', 'healthcare')."""
    match = re.search(r" (in|at|for|with) ", title)
    if not match:
        return title, "", ""
    return title[: match.start()], match.group(0), title[match.end() :]


def _news_lines(request: AskRequest, target: str) -> list[str]:
    lines = []
    if request.looking_for.strip():
        lines.append(f"I am looking for {request.looking_for.strip().rstrip('.')}.")
    lines.append(f"Right now I am focusing on {target}.")
    if request.recent.strip():
        lines.append(f"What I have done lately: {request.recent.strip().rstrip('.')}.")
    return lines + [""]


def _compose_short(request: AskRequest, name: str, target: str) -> str:
    opener = "great to reconnect!" if request.approach == "catch_up" else "a quick, specific ask:"
    recent = f" Lately: {request.recent.strip().rstrip('.')}." if request.recent.strip() else ""
    ask = _SHORT_REQUESTS[request.request_kind].format(target=target)
    return f"Hi {name}, {opener} I am aiming for {target}.{recent} {ask} Thank you!"


# --- the checker --------------------------------------------------------------------------------

_NEGATION = re.compile(r"\b(not|never|no|without|nor)\b|n't\b")
# "job market", "job search", "job interview" are about jobs without asking for one.
_NOT_A_JOB = r"(?!\s+(?:market|search|hunt|fair|boards?|titles?|descriptions?|interviews?|seekers?|models?))"
_JOB_WORDS = rf"(?:jobs?|positions?|openings?|vacanc(?:y|ies)|roles?|work){_NOT_A_JOB}"
# Up to three describing words between the article and the job ("a junior data analyst role").
_ADJ = r"(?:(?!(?:into|about|of|on|the|in|at|for|with|to|from)\b)\w+\s+){0,3}"
_HIRE_NOUNS = rf"(?:jobs?|positions?|openings?|vacanc(?:y|ies)|roles?){_NOT_A_JOB}"
_JOB_ASKS = [
    re.compile(p)
    for p in (
        rf"\b(?:give|get|find|offer|land|hand)\s+me\s+(?:a|an|any|some|the)\s+{_ADJ}{_JOB_WORDS}\b",
        rf"\bhelp\s+me\s+(?:get|find|land)\s+(?:a|an|any|some)\s+{_ADJ}{_JOB_WORDS}\b",
        r"\bhire\s+me\b",
        r"\b(?:employ|recruit)\s+me\b",
        r"\btake\s+me\s+on\b",
        rf"\b(?:any|a|an)\s+{_ADJ}{_JOB_WORDS}\s+(?:for|available\s+for)\s+me\b",
        rf"\bdo\s+you\s+have\s+(?:a|an|any)\s+{_ADJ}{_HIRE_NOUNS}\b",
        rf"\b(?:is|are)\s+there\s+(?:a|an|any)\s+{_ADJ}{_HIRE_NOUNS}\s+(?:for\s+me|at\s+your|in\s+your|on\s+your)\b",
        rf"\bask(?:ing)?\s+(?:you\s+)?for\s+(?:a|an)\s+{_JOB_WORDS}\b",
        r"\bcan\s+i\s+(?:have|get)\s+a\s+job\b",
        r"\bwork\s+for\s+you\b",
        r"\bon\s+your\s+payroll\b",
    )
]
# Each pattern says whether a qualifier after it ("anything in data at Acme") makes it specific.
_GENERIC: list[tuple[re.Pattern[str], bool]] = [
    (re.compile(p), qualifiable)
    for p, qualifiable in (
        (r"\blet\s+me\s+know\s+if\s+you\s+(?:hear|know)\s+of\s+(?:anything|something)\b", True),
        (r"\bif\s+(?:anything|something)\s+(?:comes|turns)\s+up\b", True),
        (r"\bpass\s+(?:along|on)\s+anything\b", True),
        (r"\bkeep\s+(?:me\s+in\s+mind|an\s+eye\s+out|your\s+ears\s+open)\b", False),
        (r"\b(?:open\s+to|interested\s+in|happy\s+with|take)\s+(?:anything|any\s+job|whatever)\b", False),
        (r"\banything\s+(?:at\s+all|you\s+can\s+do|would\s+help)\b", False),
    )
]
# A generic phrase followed by a real qualifier ("anything in data at Acme") is judged specific.
_QUALIFIER = re.compile(
    r"^\s+(?:in|at|for|about|with|on)\s+"
    r"(?!(?:all|any\w*|some\w*|whatever|the\s+(?:future|moment|meantime)|your\s+end)\b)"
    r"(?:the\s+|a\s+)?[\w'&-]{3,}"
)
_REQUEST_FRAME = re.compile(
    r"\?|\b(?:could|would|can|will)\s+you\b|\bmay\s+i\b|\bcould\s+i\b|\bcan\s+i\b|\bcould\s+we\b"
    r"|\bwould\s+it\s+be\s+possible\b|\bi(?:'d|\s+would)\s+(?:be\s+grateful|appreciate|love\s+to)\b"
    r"|\bplease\b|\blet\s+me\s+know\b|\bwondering\s+(?:if|whether)\b|\bi(?:'m|\s+am|\s+was)\s+hoping\b"
    r"|\bare\s+you\s+(?:willing|open)\b|\bdo\s+you\s+know\b|\bwould\s+you\s+be\b"
)
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "at",
        "for",
        "to",
        "on",
        "with",
        "my",
        "your",
        "any",
        "role",
        "roles",
        "job",
        "jobs",
        "work",
        "team",
        "teams",
        "company",
        "industry",
        "field",
        "position",
    ]
)


def check_ask(text: str, channel: str = "email", target: str | None = None) -> list[Finding]:
    """Flag what weakens an ask, each with why and a suggested rewrite; judges phrases in context."""
    if not text.strip():
        return [
            Finding(
                "empty",
                "There is nothing to send yet.",
                "Write a line of news and one clear request, or start from the draft.",
                blocking=True,
            )
        ]
    lowered = _normalise(text)
    findings = _find_job_asks(lowered, target) + _find_generic(lowered, target)
    if not findings and not _REQUEST_FRAME.search(lowered):
        findings.append(_no_request(target))
    findings += _check_goal(lowered, target)
    findings += _check_length(text, channel)
    return findings


def blocking_findings(findings: list[Finding]) -> list[Finding]:
    """The findings that stop an ask from being saved."""
    return [f for f in findings if f.blocking]


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("\u2019", "'"))


def _clause_before(lowered: str, start: int) -> str:
    boundary = max(lowered.rfind(mark, 0, start) for mark in (".", "!", "?", ";", ","))
    return lowered[boundary + 1 : start]


def _find_job_asks(lowered: str, target: str | None) -> list[Finding]:
    for pattern in _JOB_ASKS:
        for match in pattern.finditer(lowered):
            if _NEGATION.search(_clause_before(lowered, match.start())):
                continue  # "I'm not asking you for a job" is the right idea, said plainly
            goal = (target or "").strip() or "the field"
            return [
                Finding(
                    "job_outright",
                    "Asking for a job outright puts the person on the spot: they must hire you or turn you "
                    "down. Ask for information or insight; if they can hire or refer you, they will.",
                    f"Could you tell me how people get hired into {goal}, and who I should talk to?",
                    phrase=match.group(0),
                )
            ]
    return []


def _find_generic(lowered: str, target: str | None) -> list[Finding]:
    for pattern, qualifiable in _GENERIC:
        for match in pattern.finditer(lowered):
            if qualifiable and _QUALIFIER.match(lowered[match.end() :]):
                continue
            goal = (target or "").strip() or "one named role or employer"
            return [
                Finding(
                    "generic",
                    "A request open to anything gives the person nothing to act on, so it is easy to "
                    "forget. Name what you want and one thing they could do.",
                    f"I'm aiming for {goal}. Do you know anyone there I could ask about how they hire?",
                    phrase=match.group(0),
                )
            ]
    return []


def _no_request(target: str | None) -> Finding:
    goal = (target or "").strip() or "the field"
    return Finding(
        "no_request",
        "The message shares news but asks for nothing, so the reader cannot tell how to help.",
        f"End with one concrete question, e.g. 'Could you spare 20 minutes to tell me how {goal} hires?'",
    )


def _check_goal(lowered: str, target: str | None) -> list[Finding]:
    if not (target or "").strip():
        return [
            Finding(
                "no_goal",
                "No target is chosen, so the ask cannot say what you are aiming for; specific asks get leads.",
                "Pick the target this ask serves (add one on the Reach out page), then name it in the message.",
            )
        ]
    words = [w for w in re.findall(r"[\w'&]+", target.lower()) if w not in _STOPWORDS and len(w) > 1]
    if words and not any(re.search(rf"\b{re.escape(w)}", lowered) for w in words):
        return [
            Finding(
                "no_goal",
                f"The message never names your target ({target.strip()}), so the reader must guess what you want.",
                f"Add a line such as 'I am aiming for {target.strip()}.'",
            )
        ]
    return []


def _check_length(text: str, channel: str) -> list[Finding]:
    limit = CHANNEL_LIMITS.get(channel)
    if limit is None or len(text) <= limit:
        return []
    label = CHANNELS.get(channel, channel).lower()
    return [
        Finding(
            "too_long",
            f"At {len(text)} characters this is long for a {label} (about {limit} fit); long asks get "
            "skimmed or put off until later.",
            f"Cut it to about {limit} characters: one line of news, one clear request, a thank-you.",
        )
    ]
