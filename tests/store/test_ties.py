"""Ties set one by one and in bulk, goal counts and introduction chains, on a real workbook file."""

from __future__ import annotations

import pytest

from core.model import ContactDraft
from core.ties import find_paths
from store import InvalidInput
from store.contacts import (
    add_contact,
    count_by_circle_and_tie,
    get_contact,
    trash_contacts,
)
from store.goals import add_goal, link_contacts, list_goals
from store.ties import (
    count_matching,
    count_people_per_goal,
    introduction_goal_links,
    introduction_people,
    people_for_goal,
    set_ties,
    set_ties_matching,
)

pytestmark = pytest.mark.both_engines


def add(workbook, name, circle="friends", tie="weak", introduced_by=None, company=""):
    draft = ContactDraft(name=name, circle=circle, tie=tie, introduced_by=introduced_by, company=company)
    return add_contact(workbook, draft)


def ties(workbook, *ids):
    return [get_contact(workbook, i).tie for i in ids]


def test_chosen_people_are_marked_strong_and_the_count_says_how_many_changed(workbook):
    a, b, c = add(workbook, "Ana"), add(workbook, "Bo"), add(workbook, "Cy", tie="strong")
    assert set_ties(workbook, [a, b, c], "strong") == 2
    assert ties(workbook, a, b, c) == ["strong"] * 3
    assert set_ties(workbook, [], "weak") == 0


def test_a_bulk_change_touches_only_the_people_matching_the_filters(workbook):
    fam = add(workbook, "Ana Ruiz", circle="family")
    fam_acme = add(workbook, "Bo Chen", circle="family", company="Acme")
    school = add(workbook, "Cy Acme", circle="school")
    assert count_matching(workbook, search="acme", circle="family") == 1
    assert set_ties_matching(workbook, "strong", search="ACME", circle="family") == 1
    assert ties(workbook, fam, fam_acme, school) == ["weak", "strong", "weak"]
    assert set_ties_matching(workbook, "strong", circle="family", current_tie="weak") == 1
    assert ties(workbook, fam, fam_acme, school) == ["strong", "strong", "weak"]


def test_a_bulk_change_skips_people_in_the_trash(workbook):
    gone = add(workbook, "Gone")
    trash_contacts(workbook, [gone])
    assert set_ties_matching(workbook, "strong") == 0
    assert set_ties(workbook, [gone], "strong") == 0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda wb: set_ties(wb, [1], "close"), "not a kind of tie"),
        (lambda wb: set_ties_matching(wb, "medium"), "not a kind of tie"),
        (lambda wb: set_ties_matching(wb, "strong", circle="mars"), "not a circle"),
    ],
)
def test_a_bad_tie_or_circle_is_refused_and_changes_nothing(workbook, call, message):
    add(workbook, "Ana")
    with pytest.raises(InvalidInput, match=message):
        call(workbook)
    assert count_by_circle_and_tie(workbook) == [("friends", "weak", 1)]


def test_a_search_with_sql_characters_is_taken_as_plain_text(workbook):
    add(workbook, "O'Connor")
    add(workbook, "Ana")
    assert set_ties_matching(workbook, "strong", search="o'c") == 1
    assert count_matching(workbook, search="'; DROP TABLE contacts; --") == 0
    assert count_matching(workbook) == 2


def test_people_per_goal_counts_live_linked_people_only(workbook):
    guild = add_goal(workbook, "association", "Data Guild")
    summit = add_goal(workbook, "conference", "Summit")
    a, b = add(workbook, "Ana"), add(workbook, "Bo")
    link_contacts(workbook, guild, [a, b])
    trash_contacts(workbook, [b])
    assert count_people_per_goal(workbook) == {guild: 1}
    assert people_for_goal(workbook, guild) == [(a, "Ana", "weak")]
    assert people_for_goal(workbook, summit) == []


def test_introduction_chains_run_from_a_strong_tie_to_a_weak_tie_and_a_goal(workbook):
    sister = add(workbook, "Sister", circle="family", tie="strong")
    mum = add(workbook, "Mum", circle="family", tie="strong")
    coworker = add(workbook, "Sister's co-worker", introduced_by=sister)
    boss = add(workbook, "Co-worker's boss", introduced_by=coworker)
    stranger = add(workbook, "Unlinked")
    guild = add_goal(workbook, "association", "Data Guild", 1)
    link_contacts(workbook, guild, [boss, stranger, mum])
    people = introduction_people(workbook)
    assert {p.id for p in people} == {sister, coworker, boss}
    assert introduction_goal_links(workbook) == {guild: [boss]}
    paths = find_paths(people, introduction_goal_links(workbook), list_goals(workbook))
    assert [[p.name for p in path.chain] for path in paths] == [
        ["Sister", "Sister's co-worker", "Co-worker's boss"],
        ["Sister", "Sister's co-worker"],
    ]
    assert paths[0].goal.title == "Data Guild"


def test_chains_stop_at_the_hop_limit_and_at_trashed_introducers(workbook):
    top = add(workbook, "Top", tie="strong")
    one = add(workbook, "One", introduced_by=top)
    two = add(workbook, "Two", introduced_by=one)
    assert {p.id for p in introduction_people(workbook, max_hops=1)} == {top, one, two}
    trash_contacts(workbook, [one])
    assert top not in {p.id for p in introduction_people(workbook, max_hops=1)}
