"""Tip 5's use cases on a real workbook: the mix, ties marked one by one or all at once, destinations, paths."""

from __future__ import annotations

import pytest

from core.errors import InvalidInput
from core.model import ContactDraft
from services import ties
from store.contacts import add_contact, get_contact
from store.goals import add_goal, link_contacts

pytestmark = pytest.mark.both_engines


def add(workbook, name, circle="friends", tie="weak", introduced_by=None):
    return add_contact(workbook, ContactDraft(name=name, circle=circle, tie=tie, introduced_by=introduced_by))


def ties_of(workbook, *ids):
    return [get_contact(workbook, i).tie for i in ids]


def test_the_mix_counts_strong_and_weak_ties_by_circle(workbook):
    add(workbook, "Mum", "family", "strong")
    add(workbook, "Cousin", "family")
    add(workbook, "Gym pal", "gym")
    mix = ties.tie_mix(workbook)
    assert (mix.strong, mix.weak) == (1, 2)
    assert [(r.circle, r.strong, r.weak) for r in mix.rows] == [("family", 1, 1), ("gym", 0, 1)]


def test_people_are_found_with_the_total_beyond_the_first_page(workbook):
    for n in range(55):
        add(workbook, f"Person {n:02d}")
    found = ties.find_people(workbook)
    assert (len(found.people), found.total) == (50, 55)
    assert ties.find_people(workbook, "person 07").total == 1


def test_the_chosen_people_are_marked_and_the_count_says_how_many_changed(workbook):
    ana, bo = add(workbook, "Ana"), add(workbook, "Bo", tie="strong")
    assert ties.mark_chosen(workbook, [ana, bo], "strong") == 1
    assert ties_of(workbook, ana, bo) == ["strong", "strong"]


def test_marking_with_nobody_chosen_is_refused(workbook):
    with pytest.raises(InvalidInput, match="Choose at least one person"):
        ties.mark_chosen(workbook, [], "strong")


def test_everyone_matching_is_marked_only_once_the_count_is_confirmed(workbook):
    ana, bo, cy = add(workbook, "Ana", "family"), add(workbook, "Bo", "family"), add(workbook, "Cy", "school")
    with pytest.raises(InvalidInput, match="Yes, change all 2"):
        ties.mark_everyone_matching(workbook, "strong", "", "family", None, confirmed=False)
    assert ties_of(workbook, ana, bo, cy) == ["weak"] * 3
    assert ties.mark_everyone_matching(workbook, "strong", "", "family", None, confirmed=True) == 2
    assert ties_of(workbook, ana, bo, cy) == ["strong", "strong", "weak"]


def test_a_bad_tie_is_refused_even_when_confirmed(workbook):
    add(workbook, "Ana")
    with pytest.raises(InvalidInput, match="not a kind of tie"):
        ties.mark_everyone_matching(workbook, "close", "", None, None, confirmed=True)


def test_a_destination_is_added_trimmed_and_reported_with_nobody_yet(workbook):
    assert ties.add_destination(workbook, "conference", "  Open Health Data Summit ") == "Open Health Data Summit"
    found = ties.destinations(workbook)
    assert [g.title for g in found.goals] == ["Open Health Data Summit"]
    assert [g.title for g in found.report.uncovered] == ["Open Health Data Summit"]
    assert found.report.reading.startswith("0 of 1 destination has someone")


def test_only_destinations_are_listed_and_only_destination_kinds_are_accepted(workbook):
    add_goal(workbook, "role", "Data analyst")
    assert ties.destinations(workbook).goals == ()
    with pytest.raises(InvalidInput, match="not a kind of destination"):
        ties.add_destination(workbook, "role", "Data analyst")


def test_a_destination_without_a_name_is_refused(workbook):
    with pytest.raises(InvalidInput, match="needs a title"):
        ties.add_destination(workbook, "association", "   ")
    assert ties.destinations(workbook).goals == ()


def test_people_linked_to_a_destination_are_counted_and_named(workbook):
    guild = add_goal(workbook, "association", "Data Guild")
    ana, bo = add(workbook, "Ana"), add(workbook, "Bo")
    assert ties.link_people(workbook, guild, [bo, ana]) == 2
    assert ties.linked_names(workbook, guild) == ("Ana", "Bo")
    assert ties.destinations(workbook).report.reaches[0].people == 2
    with pytest.raises(InvalidInput, match="Choose at least one person to link"):
        ties.link_people(workbook, guild, [])


def test_a_removed_destination_goes_and_its_people_stay(workbook):
    guild = add_goal(workbook, "association", "Data Guild")
    ana = add(workbook, "Ana")
    ties.link_people(workbook, guild, [ana])
    ties.remove_destination(workbook, guild)
    assert ties.destinations(workbook).goals == ()
    assert get_contact(workbook, ana).name == "Ana"


def test_introduction_paths_say_who_to_ask_and_name_the_goals_no_path_reaches(workbook):
    sister = add(workbook, "Sister", "family", "strong")
    coworker = add(workbook, "Her co-worker", "former_jobs", introduced_by=sister)
    link_contacts(workbook, add_goal(workbook, "association", "Data Guild", 1), [coworker])
    add_goal(workbook, "conference", "Open Data Summit", 2)
    found = ties.introduction_paths(workbook, 12)
    assert found.requests == ("Ask Sister to introduce you to Her co-worker for your goal Data Guild (association).",)
    assert {n.label for n in found.layout.nodes} == {"Sister", "Her co-worker", "Data Guild"}
    assert [g.title for g in found.unreached] == ["Open Data Summit"]


def test_an_empty_workbook_has_no_paths_and_nothing_to_lay_out(workbook):
    found = ties.introduction_paths(workbook, 12)
    assert (found.paths, found.requests, found.layout.nodes, found.unreached) == ((), (), (), ())
