"""Likely duplicates: the same person under two names ("Bill Smith" and "William Smith")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from core.io.names import canonical_company, canonical_name

NAME_THRESHOLD = 88  # out of 100, on canonical names (nicknames and accents already folded)
COMPANY_CLASH = 60  # two different, non-empty companies below this similarity: keep apart
MAX_BLOCK = 2000  # bounds the work on one block (a pair matrix of this size is 4M cells)


@dataclass(frozen=True)
class Person:
    """What duplicate finding needs to know about one person."""

    id: int
    name: str
    company: str = ""
    email: str = ""
    source: str = ""


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
    across_sources_only: bool = False,
    limit: int = 200,
) -> list[DuplicatePair]:
    """Pairs of people who look like one person, best first; pairs kept apart are left out."""
    keyed = [_Key(p, canonical_name(p.name), canonical_company(p.company)) for p in people]
    apart = {(min(a, b), max(a, b)) for a, b in kept_apart}
    pairs: dict[tuple[int, int], DuplicatePair] = {}
    for a, b in _email_pairs(keyed):
        _keep(pairs, apart, across_sources_only, a, b, 100, "same email address")
    for block in _name_blocks(keyed):
        for a, b, score, reason in _similar_in_block(block):
            _keep(pairs, apart, across_sources_only, a, b, score, reason)
    return sorted(pairs.values(), key=lambda p: (-p.score, p.first_id, p.second_id))[:limit]


def compare_people(a: Person, b: Person) -> DuplicatePair | None:
    """A duplicate pair if these two are probably one person, else None."""
    found = find_duplicates([a, b])
    return found[0] if found else None


def _keep(pairs, apart, across_sources_only, a: Person, b: Person, score: int, reason: str) -> None:
    if a.id == b.id or (across_sources_only and a.source == b.source):
        return
    key = (min(a.id, b.id), max(a.id, b.id))
    if key not in apart and key not in pairs:
        pairs[key] = DuplicatePair(key[0], key[1], score, reason)


def _email_pairs(keyed: list[_Key]) -> Iterator[tuple[Person, Person]]:
    by_email: dict[str, list[Person]] = defaultdict(list)
    for key in keyed:
        email = key.person.email.strip().lower()
        if email:
            by_email[email].append(key.person)
    for group in by_email.values():
        for index, a in enumerate(group[:MAX_BLOCK]):
            for b in group[index + 1 : MAX_BLOCK]:
                yield a, b


def _name_blocks(keyed: list[_Key]) -> Iterator[list[_Key]]:
    """People who could be one: same last word of the name and same first initial."""
    blocks: dict[str, list[_Key]] = defaultdict(list)
    for key in keyed:
        tokens = key.name.split()
        if tokens:
            blocks[f"{tokens[-1]}|{tokens[0][:1]}"].append(key)
    for block in blocks.values():
        if len(block) > 1:
            yield block[:MAX_BLOCK]


def _similar_in_block(block: list[_Key]) -> Iterator[tuple[Person, Person, int, str]]:
    names = [k.name for k in block]
    companies = [k.company for k in block]
    name_scores = process.cdist(names, names, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_THRESHOLD)
    rows, cols = np.nonzero(np.triu(name_scores, k=1))
    if not len(rows):
        return
    company_scores = process.cdist(companies, companies, scorer=fuzz.token_set_ratio)
    for i, j in zip(rows.tolist(), cols.tolist()):
        name_score = int(name_scores[i, j])
        if companies[i] and companies[j]:
            company_score = int(company_scores[i, j])
            if company_score < COMPANY_CLASH:
                continue
            reason = "same name and company" if name_score == 100 else "similar name, same company"
            yield block[i].person, block[j].person, round((name_score * 2 + company_score) / 3), reason
        else:
            yield block[i].person, block[j].person, round(name_score * 0.9), "same name" if name_score == 100 else "similar name"
