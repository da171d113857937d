"""Give and take (tip 6): weighted balances per person and overall, and ways to give back.

A balance is what you gave minus what you received, each entry counted by its weight (1-5).
Below zero you owe that person; above zero they owe you. The weights are shown to the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.model import LEDGER_DIRECTIONS, LEDGER_KINDS

MIN_WEIGHT = 1
MAX_WEIGHT = 5
# The weight each kind starts with: small courtesies count 1, things that change a career count 5.
DEFAULT_WEIGHTS: dict[str, int] = {
    "thank_you": 1,
    "check_in": 1,
    "article": 2,
    "advice": 3,
    "introduction": 4,
    "lead": 4,
    "referral": 5,
}
MAX_SUGGESTIONS = 6
_ITEM_SPLIT = re.compile(r"[,;\n]+")
_NEED_RULES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "referral",
        ("hire", "hiring", "candidate", "opening", "recruit", "vacanc", "position"),
        "Refer someone good for it: {item}",
    ),
    (
        "introduction",
        ("intro", "connect", "meet", "contact", "network", "partner", "client"),
        "Introduce them to someone who can help with: {item}",
    ),
    (
        "advice",
        ("advice", "feedback", "review", "question", "learn", "how to"),
        "Offer your experience or feedback on: {item}",
    ),
)


@dataclass(frozen=True)
class Tally:
    """Weighted totals given and received."""

    gave: int = 0
    received: int = 0

    @property
    def balance(self) -> int:
        """Given minus received: below zero you owe, above zero you are owed."""
        return self.gave - self.received


@dataclass(frozen=True)
class PersonBalance:
    """One person's give-and-take, for the list and the diverging chart."""

    contact_id: int
    name: str
    gave: int
    received: int

    @property
    def balance(self) -> int:
        """Given minus received: below zero you owe, above zero you are owed."""
        return self.gave - self.received

    @property
    def standing(self) -> str:
        """The balance in plain words."""
        return describe_balance(self.balance)


@dataclass(frozen=True)
class GiveBack:
    """A way to give back, drawn from what you noted about the person."""

    kind: str
    text: str


def default_weight(kind: str) -> int:
    """The weight a ledger entry of this kind starts with (2 for a kind not in the list)."""
    return DEFAULT_WEIGHTS.get(kind, 2)


def check_entry(direction: str, kind: str, weight: object) -> str | None:
    """A one-line message naming what is wrong with a ledger entry, or None if it is fine."""
    if direction not in LEDGER_DIRECTIONS:
        return f"'{direction}' is not a direction; choose 'I gave' or 'I received'."
    if kind not in LEDGER_KINDS:
        return f"'{kind}' is not a kind of give-and-take; choose one from the list."
    if isinstance(weight, bool) or not isinstance(weight, int):
        return f"The weight must be a whole number from {MIN_WEIGHT} to {MAX_WEIGHT}."
    if not MIN_WEIGHT <= weight <= MAX_WEIGHT:
        return f"The weight must be from {MIN_WEIGHT} (small) to {MAX_WEIGHT} (large); you gave {weight}."
    return None


def describe_balance(balance: int) -> str:
    """A balance in plain words."""
    if balance < 0:
        return f"You owe them ({balance:+d})"
    if balance > 0:
        return f"They owe you ({balance:+d})"
    return "Even"


def describe_balances(overall: Tally, extremes: list[PersonBalance]) -> str:
    """A reading of the give/take chart: the overall balance and the most owed on each side."""
    if overall.gave == 0 and overall.received == 0:
        return "Nothing in the ledger yet: record what you give and receive, and the balance appears here."
    if overall.balance < 0:
        standing = f"you owe your network ({overall.balance:+d})"
    elif overall.balance > 0:
        standing = f"your network owes you ({overall.balance:+d})"
    else:
        standing = "even"
    text = f"Overall you have given {overall.gave:,} and received {overall.received:,} (weighted): {standing}."
    owe = [b for b in extremes if b.balance < 0]
    owed = [b for b in extremes if b.balance > 0]
    if owe:
        text += f" You owe most to {owe[0].name} ({owe[0].balance:+d}): a good person to give back to first."
    if owed:
        text += f" {owed[0].name} owes you most ({owed[0].balance:+d})."
    return text


def suggest_give_backs(interests: str = "", needs: str = "", family: str = "", job_notes: str = "") -> list[GiveBack]:
    """Ways to give back drawn from a person's notes; a check-in and a thank-you when notes are empty."""
    found = [_need_give_back(item) for item in split_items(needs)]
    found += [
        GiveBack("article", f"Send an article, event or resource about {item}") for item in split_items(interests)
    ]
    if family.strip():
        found.append(GiveBack("check_in", f"Ask after their family ({_clip(family.strip())})"))
    if job_notes.strip():
        found.append(GiveBack("check_in", f"Ask how work is going ({_clip(job_notes.strip())})"))
    found += [
        GiveBack("check_in", "Check in to see how they are doing, with no request attached"),
        GiveBack("thank_you", "Send a thank-you note for something they did for you"),
    ]
    return list(dict.fromkeys(found))[:MAX_SUGGESTIONS]


def split_items(text: str) -> list[str]:
    """The separate items of a notes field written as a list ('hiking, jazz; AI ethics')."""
    return [_clip(part.strip()) for part in _ITEM_SPLIT.split(text or "") if part.strip()]


def _need_give_back(item: str) -> GiveBack:
    lowered = item.casefold()
    for kind, words, template in _NEED_RULES:
        if any(word in lowered for word in words):
            return GiveBack(kind, template.format(item=item))
    return GiveBack("check_in", f"Ask how you could help with: {item}")


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
