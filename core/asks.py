"""Tip 3's ask composer and ask checker: draft a considerate, specific ask and flag what hurts it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core.model import CHANNELS, FAMILIARITY, REQUEST_KINDS

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
    "catch_up": "Catch up first, then ask (a friend, family, an old colleague)",
    "direct": "Straight to the point (a busy professional you do not know well)",
}
# The people you catch up with before asking: familiarity, not the tie, decides.
CATCH_UP_GROUP = frozenset({"friend", "family", "old_colleague"})
# A catch-up logged this recently means the ask can follow it.
CATCH_UP_DAYS = 60


FINDING_TITLES: dict[str, str] = {
    "empty": "Nothing to send",
    "job_outright": "Asks for a job outright",
    "generic": "Too generic",
    "no_request": "No concrete request",
    "no_goal": "No goal",
    "too_long": "Too long for the channel",
    "vague_target": "Vague target",
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
    """One thing the checker flags: a code, why it hurts, and a suggested rewrite.

    ``start``/``end`` locate the flagged phrase in the text checked. ``fix`` says how ``replacement``
    goes in with one click: "sentence" (it replaces the sentence holding the phrase), "insert" (it goes
    before the sign-off), or "" (no one-click fix: the rewrite is advice).
    """

    code: str
    why: str
    rewrite: str
    phrase: str = ""
    blocking: bool = False
    start: int = -1
    end: int = -1
    fix: str = ""
    replacement: str = ""


def guess_familiarity(tie: str, circle: str = "") -> str:
    """How well you probably know someone when you have not said: from their circle, then the tie."""
    if circle == "family":
        return "family"
    if circle == "former_jobs":
        return "old_colleague"
    if tie == "strong":
        return "friend"
    return "professional"


def familiarity_of(familiarity: str, tie: str, circle: str = "") -> str:
    """The familiarity set on a person, or the guess when it is unset (or not one of the list)."""
    return familiarity if familiarity in FAMILIARITY else guess_familiarity(tie, circle)


def choose_approach(familiarity: str) -> str:
    """Catch up first with friends, family and old colleagues; straight to the point with a busy professional."""
    return "catch_up" if familiarity in CATCH_UP_GROUP else "direct"


def caught_up(catch_ups: list[date], today: date, days: int = CATCH_UP_DAYS) -> bool:
    """Whether a catch-up was logged in the last ``days`` days (future dates do not count)."""
    return any(0 <= (today - when).days <= days for when in catch_ups)


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


def compose_catch_up(request: AskRequest) -> str:
    """The first message to someone you are reconnecting with: their news and yours, and no request."""
    name = request.first_name.strip() or "there"
    recent = request.recent.strip().rstrip(".")
    if request.channel in SHORT_CHANNELS:
        news = f" My news: {recent}." if recent else ""
        return f"Hi {name}, it has been too long! How are you?{news} Would love to hear your news."
    lines = [
        f"Hi {name},",
        "",
        "It has been too long! How are you, and how are things at home and at work?",
        "I would love to hear your news.",
        "",
    ]
    if recent:
        lines += [f"My news: {recent}.", ""]
    lines.append("Could we catch up soon, on a call or over a coffee? Whenever suits you.")
    return "\n".join(lines)


def compose_ask(request: AskRequest) -> str:
    """Draft an ask: after the catch-up for people you know, straight to the point for a busy professional."""
    if request.request_kind not in REQUEST_KINDS:
        raise ValueError(f"'{request.request_kind}' is not a kind of request; choose one of the list.")
    name = request.first_name.strip() or "there"
    target = describe_target(request.target_kind, request.target)
    if request.channel in SHORT_CHANNELS:
        return _compose_short(request, name, target)
    lines = [f"Hi {name},", ""]
    if request.approach == "catch_up":
        lines += ["It was so good to catch up and hear your news.", ""]
    else:
        lines += ["I know your time is precious, so I will keep this short.", ""]
    lines += _news_lines(request, target)
    lines += [_REQUESTS[request.request_kind].format(target=target), ""]
    if request.approach == "catch_up":
        lines.append("Either way, thank you, and let's not leave it so long next time!")
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
    opener = "great to catch up the other day!" if request.approach == "catch_up" else "a quick, specific ask:"
    recent = f" Lately: {request.recent.strip().rstrip('.')}." if request.recent.strip() else ""
    ask = _SHORT_REQUESTS[request.request_kind].format(target=target)
    aim = f" I am aiming for {target}." if request.target.strip() else ""
    return f"Hi {name}, {opener}{aim}{recent} {ask} Thank you!"


# --- the checker --------------------------------------------------------------------------------
# Every phrase rule lives here, matched case-blind on the text as typed (so a finding's span points
# into it), with \s+ between words so line breaks and double spaces change nothing.

_I = re.IGNORECASE
_NEGATION = re.compile(r"\b(not|never|no|without|nor)\b|n't\b", _I)
# "job market", "job search", "job interview" are about jobs without asking for one.
_NOT_A_JOB = r"(?!\s+(?:market|search|hunt|fair|boards?|titles?|descriptions?|interviews?|seekers?|models?))"
_JOB_WORDS = rf"(?:jobs?|positions?|openings?|vacanc(?:y|ies)|roles?|work){_NOT_A_JOB}"
# Up to three describing words between the article and the job ("a junior data analyst role").
_ADJ = r"(?:(?!(?:into|about|of|on|the|in|at|for|with|to|from)\b)\w+\s+){0,3}"
_HIRE_NOUNS = rf"(?:jobs?|positions?|openings?|vacanc(?:y|ies)|roles?){_NOT_A_JOB}"
_JOB_ASKS = [
    re.compile(p, _I)
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
# "any job", "any roles": open to any work at all ("any role models", "any job search tips" are not).
_ANY_WORK = (
    r"\bany\s+(?:(?:kind|sort|type)\s+of\s+)?(?:jobs?|roles?|positions?|openings?|vacanc(?:y|ies)|work"
    r"|opportunit(?:y|ies))"
    rf"{_NOT_A_JOB}(?!\s+(?:experience|history|life|style|culture|tips|advice|to)\b)\b"
)
# Each pattern says whether a qualifier after it ("anything in data at Acme") makes it specific.
_GENERIC: list[tuple[re.Pattern[str], bool]] = [
    (re.compile(p, _I), qualifiable)
    for p, qualifiable in (
        (r"\blet\s+me\s+know\s+if\s+you\s+(?:hear|know)\s+of\s+(?:anything|something)\b", True),
        (r"\bif\s+(?:anything|something)\s+(?:comes|turns|pops)\s+up\b", True),
        (r"\bpass\s+(?:along|on)\s+anything\b", True),
        (r"\bany\s+leads\b", True),
        (r"\banything\s+you(?:'ve|\s+have)?\s+(?:got|have|can\s+find|hear\s+(?:of|about)|come\s+across)\b", True),
        (r"\bkeep\s+(?:me\s+in\s+mind|an\s+eye\s+out|your\s+ears\s+open)\b", False),
        (
            r"\b(?:open\s+to|interested\s+in|happy\s+with|take|settle\s+for|grateful\s+for)\s+"
            r"(?:anything|whatever|any\s+(?:jobs?|roles?|positions?|work))\b",
            False,
        ),
        (r"\banything\s+(?:at\s+all|really|you\s+can\s+do|would\s+help)\b", False),
        (
            r"\banything\s+(?:would|will|could|'d|'ll)\s+(?:do|help|work|be\s+(?:great|fine|good|welcome|helpful))\b",
            False,
        ),
        (
            r"\bwhatever\s+(?:you(?:'ve|\s+have)?\s+(?:got|have|can\s+(?:find|offer|spare|give|do)|hear\s+of|know\s+of)"
            r"|(?:is|'s)\s+(?:available|going|out\s+there|open)|comes?\s+(?:up|along)|pays)\b",
            False,
        ),
        (r"\b(?:anything|whatever)\s+(?:is|that's)\s+(?:available|going|out\s+there|open)\b", False),
        (r"\b(?:i'm|i\s+am)\s+not\s+(?:too\s+|very\s+|that\s+)?(?:picky|fussy|choosy)\b", False),
        (r"\bany\s+help\s+(?:at\s+all|would|you\s+can|is)\b", False),
        (r"\b(?:anything|something)\s+in\s+any\s+(?:field|industry|area|sector)\b", False),
        (_ANY_WORK, False),
    )
]
# A generic phrase followed by a real qualifier ("anything in data at Acme") is judged specific.
_QUALIFIER = re.compile(
    r"^\s+(?:in|at|for|about|with|on)\s+"
    r"(?!(?:all|any\w*|some\w*|whatever|the\s+(?:future|moment|meantime)|your\s+end)\b)"
    r"(?:the\s+|a\s+)?[\w'&-]{3,}",
    _I,
)
# A target open to anything: "any job in healthcare", "anything", "a job", "whatever pays".
_VAGUE_TARGETS = [
    re.compile(p, _I)
    for p in (
        _ANY_WORK,
        r"\b(?:anything|whatever|something)\b",
        r"^\s*(?:(?:a|an|some)\s+)?(?:jobs?|roles?|positions?|work|openings?)(?=\s*$|\s+(?:in|for|with|near|around)\b)",
        r"\b(?:any|all)\s+(?:fields?|industr(?:y|ies)|areas?|sectors?|companies|employers?)\b",
    )
]
_REQUEST_FRAME = re.compile(
    r"\?|\b(?:could|would|can|will)\s+you\b|\bmay\s+i\b|\bcould\s+i\b|\bcan\s+i\b|\bcould\s+we\b"
    r"|\bwould\s+it\s+be\s+possible\b|\bi(?:'d|\s+would)\s+(?:be\s+grateful|appreciate|love\s+to)\b"
    r"|\bplease\b|\blet\s+me\s+know\b|\bwondering\s+(?:if|whether)\b|\bi(?:'m|\s+am|\s+was)\s+hoping\b"
    r"|\bare\s+you\s+(?:willing|open)\b|\bdo\s+you\s+know\b|\bwould\s+you\s+be\b",
    _I,
)
_SIGN_OFF = re.compile(
    r"^\s*(?:thank|thanks|many\s+thanks|best|all\s+the\s+best|kind\s+regards|regards|cheers|warmly)\b", _I
)
_GREETING = re.compile(r"^(?:hi|hello|hey|dear)\b[^,.!?\n]{0,40},\s*", _I)
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
    typed = _normalise(text)
    aim = _usable_target(target)
    findings = _check_target(target) + _find_job_asks(typed, aim) + _find_generic(typed, aim)
    if not any(f.code in ("job_outright", "generic") for f in findings) and not _REQUEST_FRAME.search(typed):
        findings.append(_no_request(aim))
    findings += _check_goal(typed.lower(), target)
    findings += _check_length(text, channel)
    return findings


def blocking_findings(findings: list[Finding]) -> list[Finding]:
    """The findings that stop an ask from being saved."""
    return [f for f in findings if f.blocking]


def needs_a_second_look(findings: list[Finding]) -> bool:
    """Whether saving should first ask "send anyway?": any flag that does not block the save outright."""
    return any(not f.blocking for f in findings)


def vague_target(title: str) -> str:
    """The words that make a target open to anything ('any job' in 'any job in healthcare'), or ''."""
    for pattern in _VAGUE_TARGETS:
        match = pattern.search(title)
        if match and match.group(0).strip():
            return match.group(0).strip()
    return ""


def apply_fix(text: str, finding: Finding) -> str:
    """The text with the finding's suggested rewrite put in; unchanged when it has no one-click fix."""
    if finding.fix == "sentence" and 0 <= finding.start <= finding.end <= len(text):
        left = max(text.rfind(mark, 0, finding.start) for mark in ".!?\n") + 1
        ends = [i for i in (text.find(mark, finding.end) for mark in ".!?\n") if i >= 0]
        right = min(ends) if ends else len(text)
        if right < len(text) and text[right] in ".!?":
            right += 1
        sentence = text[left:right]
        body = sentence.lstrip()
        lead = sentence[: len(sentence) - len(body)]
        greeting = _GREETING.match(body)
        kept = greeting.group(0) if greeting and greeting.end() <= finding.start - left - len(lead) else ""
        return text[:left] + lead + kept + finding.replacement + text[right:]
    if finding.fix == "insert":
        lines = text.rstrip().split("\n")
        sign_off = next((i for i in range(len(lines) - 1, 0, -1) if _SIGN_OFF.match(lines[i])), None)
        if sign_off is None:
            joiner = "\n\n" if len(lines) > 1 else " "
            return text.rstrip() + joiner + finding.replacement
        return "\n".join([*lines[:sign_off], finding.replacement, "", *lines[sign_off:]])
    return text


def _normalise(text: str) -> str:
    """The text with curly apostrophes straightened: same length, so spans point into what was typed."""
    return text.replace("\u2019", "'")


def _usable_target(target: str | None) -> str:
    """The target, when it is set and specific enough to name in a rewrite."""
    title = " ".join((target or "").split())
    return "" if not title or vague_target(title) else title


def _clause_before(typed: str, start: int) -> str:
    boundary = max(typed.rfind(mark, 0, start) for mark in (".", "!", "?", ";", ","))
    return typed[boundary + 1 : start]


def _find_job_asks(typed: str, aim: str) -> list[Finding]:
    for pattern in _JOB_ASKS:
        for match in pattern.finditer(typed):
            if _NEGATION.search(_clause_before(typed, match.start())):
                continue  # "I'm not asking you for a job" is the right idea, said plainly
            rewrite = f"Could you tell me how people get hired into {aim or 'the field'}, and who I should talk to?"
            return [
                Finding(
                    "job_outright",
                    "Asking for a job outright puts the person on the spot: they must hire you or turn you "
                    "down. Ask for information or insight; if they can hire or refer you, they will.",
                    rewrite,
                    phrase=match.group(0),
                    start=match.start(),
                    end=match.end(),
                    fix="sentence",
                    replacement=rewrite,
                )
            ]
    return []


def _find_generic(typed: str, aim: str) -> list[Finding]:
    for pattern, qualifiable in _GENERIC:
        for match in pattern.finditer(typed):
            if qualifiable and _QUALIFIER.match(typed[match.end() :]):
                continue
            goal = aim or "one named role or employer"
            rewrite = f"I'm aiming for {goal}. Do you know anyone there I could ask about how they hire?"
            return [
                Finding(
                    "generic",
                    "A request open to anything gives the person nothing to act on, so it is easy to "
                    "forget. Name what you want and one thing they could do.",
                    rewrite,
                    phrase=match.group(0),
                    start=match.start(),
                    end=match.end(),
                    fix="sentence" if aim else "",
                    replacement=rewrite if aim else "",
                )
            ]
    return []


def _check_target(target: str | None) -> list[Finding]:
    title = " ".join((target or "").split())
    phrase = vague_target(title) if title else ""
    if not phrase:
        return []
    return [
        Finding(
            "vague_target",
            f"The target this ask serves (“{title}”) is open to anything, so the message cannot say what "
            "you want and nobody can point you anywhere.",
            "Name one role, employer or field instead, e.g. 'data analyst roles at a children's hospital' "
            "(change it on the Reach out page).",
            phrase=phrase,
        )
    ]


def _no_request(aim: str) -> Finding:
    question = f"Could you spare 20 minutes to tell me how {aim or 'people in your field'} hire?"
    return Finding(
        "no_request",
        "The message shares news but asks for nothing, so the reader cannot tell how to help.",
        f"End with one concrete question, e.g. '{question}'",
        fix="insert",
        replacement=question,
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
        line = f"I am aiming for {target.strip()}."
        return [
            Finding(
                "no_goal",
                f"The message never names your target ({target.strip()}), so the reader must guess what you want.",
                f"Add a line such as '{line}'",
                fix="insert",
                replacement=line,
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
