"""Likely duplicates: the same person under two names ("Bill Smith" and "William Smith")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from core.names import NICKNAMES, canonical_company, canonical_name, name_tokens

NAME_THRESHOLD = 88  # out of 100, on canonical names (nicknames and accents already folded)
COMPANY_CLASH = 60  # two different, non-empty companies below this similarity: keep apart
MAX_BLOCK = 2000  # bounds the work on one block (a pair matrix of this size is 4M cells)
MAX_EMAIL_GROUP = 20  # one address shared by more people than this is a team inbox, not a person


@dataclass(frozen=True)
class Person:
    """What duplicate finding needs to know about one person."""

    id: int
    name: str
    company: str = ""
    email: str = ""


@dataclass(frozen=True)
class DuplicatePair:
    """Two people who are probably the same, with a score out of 100 and the reason in words."""

    first_id: int
    second_id: int
    score: int
    reason: str


@dataclass(frozen=True)
class _Key:
    person: Person
    name: str
    company: str


def find_duplicates(
    people: Iterable[Person],
    kept_apart: Iterable[tuple[int, int]] = (),
    limit: int = 200,
) -> list[DuplicatePair]:
    """Pairs of people who look like one person, best first; pairs kept apart are left out."""
    keyed = [_Key(p, canonical_name(p.name), canonical_company(p.company)) for p in people]
    apart = {(min(a, b), max(a, b)) for a, b in kept_apart}
    pairs: dict[tuple[int, int], DuplicatePair] = {}
    for a, b in _email_pairs(keyed):
        _keep(pairs, apart, a, b, 100, "same email address")
    for block in _name_blocks(keyed):
        for a, b, score, reason in _similar_in_block(block, limit + len(apart)):
            _keep(pairs, apart, a, b, score, reason)
    return sorted(pairs.values(), key=lambda p: (-p.score, p.first_id, p.second_id))[:limit]


def _keep(pairs, apart, a: Person, b: Person, score: int, reason: str) -> None:
    if a.id == b.id:
        return
    key = (min(a.id, b.id), max(a.id, b.id))
    if key not in apart and key not in pairs:
        pairs[key] = DuplicatePair(key[0], key[1], score, reason)


def _email_pairs(keyed: list[_Key]) -> Iterator[tuple[Person, Person]]:
    by_email: dict[str, list[Person]] = defaultdict(list)
    for key in keyed:
        email = _email_key(key.person.email)
        if email:
            by_email[email].append(key.person)
    for group in by_email.values():
        first = group[:MAX_EMAIL_GROUP]
        for index, a in enumerate(first):
            for b in first[index + 1 :]:
                yield a, b


def _email_key(email: str | None) -> str:
    """An email address as compared: case and surrounding spaces aside ('' for none)."""
    return (email or "").strip().lower()


def _block(canonical: str) -> str | None:
    """Names are only compared within a block: the same last word and the same first initial."""
    tokens = canonical.split()
    return f"{tokens[-1]}|{tokens[0][:1]}" if tokens else None


@lru_cache(maxsize=65_536)
def name_block(name: str) -> str | None:
    """The block of a name as written (None for a name with no words)."""
    return _block(canonical_name(name))


def name_key(name: str) -> str:
    """What the workbook stores with each person so a name's block is found without reading everyone:
    the name's last word as compared ('' for a name with no words)."""
    tokens = name_tokens(name)
    return tokens[-1] if tokens else ""


def name_keys_near(name: str) -> tuple[str, ...]:
    """Every stored :func:`name_key` a person in this name's block can have: the block's last word and,
    because a one-word name is a first name and so goes by its formal form, that word's nicknames."""
    block = name_block(name)
    if block is None:
        return ()
    last = block.split("|")[0]
    return (last, *sorted(nickname for nickname, formal in NICKNAMES.items() if formal == last))


def could_match(candidate: Person, name: str, email: str) -> bool:
    """Whether :func:`matches_for` would compare a listed person with this name and email to ``candidate``:
    the same email, or a name in the same block. Cheap, so a caller can narrow thousands of people first."""
    wanted = _email_key(candidate.email)
    if wanted and _email_key(email) == wanted:
        return True
    block = name_block(candidate.name)
    return block is not None and name_block(name) == block


def _name_blocks(keyed: list[_Key]) -> Iterator[list[_Key]]:
    """People who could be one: same last word of the name and same first initial."""
    blocks: dict[str, list[_Key]] = defaultdict(list)
    for key in keyed:
        block = _block(key.name)
        if block is not None:
            blocks[block].append(key)
    for block in blocks.values():
        if len(block) > 1:
            yield block[:MAX_BLOCK]


def _score_matrix(texts: list[str], scorer, cutoff: int) -> np.ndarray:
    """All-pairs scores, computed once per distinct text (common names repeat a lot)."""
    distinct, index = np.unique(np.array(texts, dtype=object), return_inverse=True)
    scores = process.cdist(list(distinct), list(distinct), scorer=scorer, score_cutoff=cutoff, dtype=np.int32)
    return scores[np.ix_(index, index)]


def _similar_in_block(block: list[_Key], limit: int) -> Iterator[tuple[Person, Person, int, str]]:
    """The best ``limit`` likely pairs of one block, scored in bulk (a block may hold hundreds)."""
    name_scores = _score_matrix([k.name for k in block], fuzz.token_sort_ratio, NAME_THRESHOLD)
    rows, cols = np.nonzero(np.triu(name_scores, k=1))
    if not len(rows):
        return
    companies = [k.company for k in block]
    company_scores = _score_matrix(companies, fuzz.token_set_ratio, 0)
    has_company = np.array([bool(c) for c in companies])
    both = has_company[rows] & has_company[cols]
    name, company = name_scores[rows, cols], company_scores[rows, cols]
    keep = ~both | (company >= COMPANY_CLASH)
    rows, cols, name, company, both = rows[keep], cols[keep], name[keep], company[keep], both[keep]
    score = np.where(both, np.rint((name * 2 + company) / 3), np.rint(name * 0.9)).astype(np.int32)
    if len(score) > limit:
        best = np.argpartition(-score, limit)[:limit]
        rows, cols, name, score, both = rows[best], cols[best], name[best], score[best], both[best]
    for i, j, n, total, shared in zip(rows.tolist(), cols.tolist(), name.tolist(), score.tolist(), both.tolist()):
        if shared:
            reason = "same name and company" if n == 100 else "similar name, same company"
        else:
            reason = "same name" if n == 100 else "similar name"
        yield block[i].person, block[j].person, total, reason


def matches_for(candidate: Person, people: Iterable[Person], limit: int = 5) -> list[DuplicatePair]:
    """The people who look like ``candidate`` (someone about to be added), best first, by the same
    rules as :func:`find_duplicates`: email, then names with case, accents, titles and nicknames
    aside, a missing company never keeping two apart. Each pair's ``second_id`` is the one listed."""
    key = _Key(candidate, canonical_name(candidate.name), canonical_company(candidate.company))
    email = _email_key(candidate.email)
    block = _block(key.name)
    same_email, same_block = [], []
    for person in people:
        if person.id == candidate.id:
            continue
        if email and _email_key(person.email) == email:
            same_email.append(person)
        if block is not None and name_block(person.name) == block:
            same_block.append(_Key(person, canonical_name(person.name), canonical_company(person.company)))
    found: dict[int, DuplicatePair] = {}
    for person in same_email:
        found[person.id] = DuplicatePair(candidate.id, person.id, 100, "same email address")
    if same_block:
        for a, b, score, reason in _similar_in_block([key, *same_block[: MAX_BLOCK - 1]], MAX_BLOCK):
            other = b if a.id == candidate.id else a if b.id == candidate.id else None
            if other is not None and other.id not in found:
                found[other.id] = DuplicatePair(candidate.id, other.id, score, reason)
    return sorted(found.values(), key=lambda p: (-p.score, p.second_id))[:limit]
