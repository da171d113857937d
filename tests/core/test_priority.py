"""Who to contact next: reasons in plain words, a stable order, and the properties of the ranking."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.model import REFERENCE_STEPS
from core.priority import (
    RECONNECT_POINTS,
    Candidate,
    check_reconnect,
    describe_contact_timing,
    describe_days,
    list_reasons,
    next_due_on,
    rank_contacts,
    split_contacted_today,
)

TODAY = date(2026, 3, 16)


def _codes(candidate: Candidate) -> set[str]:
    return {r.code for r in list_reasons(candidate, TODAY)}


def test_a_key_contact_past_their_cadence_is_overdue_by_so_many_days():
    ana = Candidate(1, "Ana", is_key=True, cadence_days=30, last_contacted_on=TODAY - timedelta(days=42))
    (reason,) = list_reasons(ana, TODAY)
    assert reason.code == "overdue"
    assert reason.text.startswith("12 days overdue")
    assert "you planned to be in touch monthly" in reason.text


def test_a_key_contact_never_contacted_says_so():
    (reason,) = list_reasons(Candidate(1, "Ana", is_key=True, cadence_days=14), TODAY)
    assert reason.code == "never"
    assert "not been in touch" in reason.text


def test_a_key_contact_within_their_cadence_has_no_reason():
    ana = Candidate(1, "Ana", is_key=True, cadence_days=30, last_contacted_on=TODAY - timedelta(days=5))
    assert list_reasons(ana, TODAY) == []


def test_a_key_contact_due_within_a_week_is_flagged_as_due_soon():
    ana = Candidate(1, "Ana", is_key=True, cadence_days=30, last_contacted_on=TODAY - timedelta(days=27))
    (reason,) = list_reasons(ana, TODAY)
    assert reason.code == "due_soon"
    assert "Due in 3 days" in reason.text


def test_a_reference_mid_way_names_the_next_of_the_five_steps():
    ref = Candidate(
        1,
        "Ravi",
        is_reference=True,
        last_contacted_on=TODAY,
        reference_steps_done=frozenset({"agreed", "told_goals"}),
    )
    (reason,) = list_reasons(ref, TODAY)
    assert "2 of 5 steps" in reason.text
    assert REFERENCE_STEPS["kept_informed"].lower() in reason.text


def test_a_reference_with_all_five_steps_needs_nothing_more():
    ref = Candidate(
        1, "Ravi", is_reference=True, last_contacted_on=TODAY, reference_steps_done=frozenset(REFERENCE_STEPS)
    )
    assert "reference" not in _codes(ref)


def test_a_link_to_a_high_priority_goal_names_the_goal():
    person = Candidate(1, "Gus", last_contacted_on=TODAY, high_priority_goals=("Data analyst", "Acme", "Fintech"))
    (reason,) = list_reasons(person, TODAY)
    assert "Data analyst, Acme and 1 more" in reason.text


def test_a_thank_you_owed_gives_the_date_of_the_help():
    person = Candidate(1, "Tia", last_contacted_on=TODAY, thanks_owed_since=date(2026, 3, 2))
    (reason,) = list_reasons(person, TODAY)
    assert reason.code == "thanks"
    assert reason.text == "Thank them and tell them how it went: they helped on 02 Mar 2026"


def test_owing_someone_is_a_reason_and_being_owed_is_not():
    assert "balance" in _codes(Candidate(1, "Owe", last_contacted_on=TODAY, balance=-3))
    assert "balance" not in _codes(Candidate(1, "Owed", last_contacted_on=TODAY, balance=4))


def test_long_silence_counts_for_people_without_a_cadence():
    person = Candidate(1, "Sam", last_contacted_on=TODAY - timedelta(days=400))
    (reason,) = list_reasons(person, TODAY)
    assert reason.text == "Last in touch 13 months ago"


def test_an_overdue_key_contact_outranks_a_merely_silent_acquaintance():
    key = Candidate(2, "Zed", is_key=True, cadence_days=14, last_contacted_on=TODAY - timedelta(days=20))
    silent = Candidate(1, "Abe", last_contacted_on=TODAY - timedelta(days=300))
    ranked = rank_contacts([silent, key], TODAY)
    assert [s.name for s in ranked] == ["Zed", "Abe"]
    assert ranked[0].rank == 1 and ranked[0].score > ranked[1].score


def test_equal_scores_put_the_longest_waiting_first_then_the_name():
    a = Candidate(3, "Cleo", last_contacted_on=TODAY - timedelta(days=10))
    b = Candidate(1, "bea", last_contacted_on=TODAY - timedelta(days=10))
    c = Candidate(2, "Al", last_contacted_on=TODAY - timedelta(days=11))
    assert [s.name for s in rank_contacts([a, b, c], TODAY)] == ["Al", "bea", "Cleo"]


def test_the_summary_reads_the_reasons_most_important_first():
    person = Candidate(
        1,
        "Ana",
        is_key=True,
        cadence_days=14,
        last_contacted_on=TODAY - timedelta(days=30),
        balance=-1,
    )
    (suggestion,) = rank_contacts([person], TODAY)
    assert suggestion.summary.startswith("2 weeks overdue")
    assert suggestion.summary.endswith("find a way to give back")


def test_someone_with_no_reason_reads_why_they_are_resting_or_when_they_are_due():
    rested = Candidate(1, "Ana", is_key=True, cadence_days=14, last_contacted_on=TODAY)
    quiet = Candidate(2, "Bo", last_contacted_on=TODAY - timedelta(days=3))
    by_name = {s.name: s for s in rank_contacts([rested, quiet], TODAY)}
    assert by_name["Ana"].summary == "In touch today, so they rest at the end of the list; next due 30 Mar 2026"
    assert by_name["Bo"].summary == "Nothing pressing: a good time to say hello"


def test_a_key_contacts_next_due_date_is_never_in_the_past():
    overdue = Candidate(1, "A", is_key=True, cadence_days=14, last_contacted_on=TODAY - timedelta(days=40))
    ahead = Candidate(2, "B", is_key=True, cadence_days=14, last_contacted_on=TODAY - timedelta(days=4))
    assert next_due_on(overdue, TODAY) == TODAY
    assert next_due_on(ahead, TODAY) == TODAY + timedelta(days=10)
    assert next_due_on(Candidate(3, "C"), TODAY) is None


def test_days_read_as_days_weeks_months_or_years():
    assert [describe_days(d) for d in (1, 5, 21, 95, 800)] == ["1 day", "5 days", "3 weeks", "3 months", "2 years"]


def test_the_timing_of_a_contact_reads_when_you_last_spoke_and_when_they_are_due():
    assert describe_contact_timing(None, None, TODAY) == "No contact logged yet."
    assert describe_contact_timing(None, 30, TODAY) == "No contact logged yet; next due today (monthly)."
    assert (
        describe_contact_timing(TODAY - timedelta(days=21), 30, TODAY)
        == "Last in touch 23 Feb 2026 (3 weeks ago); next due 25 Mar 2026 (monthly)."
    )


# --- properties ---------------------------------------------------------------------------------

_candidates = st.builds(
    Candidate,
    contact_id=st.integers(1, 10_000),
    name=st.sampled_from(["Ana", "ana", "Ben", "Chidi", "Dee", "Eli"]),
    is_key=st.booleans(),
    cadence_days=st.one_of(st.none(), st.integers(1, 120)),
    last_contacted_on=st.one_of(st.none(), st.integers(0, 900).map(lambda d: TODAY - timedelta(days=d))),
    is_reference=st.booleans(),
    reference_steps_done=st.frozensets(st.sampled_from(list(REFERENCE_STEPS))),
    high_priority_goals=st.lists(st.sampled_from(["Analyst", "Acme"]), max_size=2, unique=True).map(tuple),
    thanks_owed_since=st.one_of(st.none(), st.just(TODAY - timedelta(days=9))),
    balance=st.integers(-12, 12),
    reconnect=st.sampled_from(["", "reconnect", "value_view", "know_better"]),
    reconnect_priority=st.one_of(st.none(), st.integers(1, 3)),
)
_crowds = st.lists(_candidates, min_size=1, max_size=25, unique_by=lambda c: c.contact_id)


@settings(max_examples=200)
@given(crowd=_crowds, pick=st.integers(0, 24), extra_days=st.integers(1, 400))
def test_being_more_overdue_never_lowers_a_persons_rank(crowd, pick, extra_days):
    person = crowd[pick % len(crowd)]
    if person.last_contacted_on is None:
        person = replace(person, last_contacted_on=TODAY)
        crowd = [person if c.contact_id == person.contact_id else c for c in crowd]
    later = replace(person, last_contacted_on=person.last_contacted_on - timedelta(days=extra_days))
    before = _rank_of(rank_contacts(crowd, TODAY), person.contact_id)
    after = _rank_of(rank_contacts([later if c is person else c for c in crowd], TODAY), person.contact_id)
    assert after <= before


@given(crowd=_crowds, pick=st.integers(0, 24))
def test_someone_contacted_today_is_not_at_the_top(crowd, pick):
    today_person = replace(crowd[pick % len(crowd)], last_contacted_on=TODAY)
    crowd = [today_person if c.contact_id == today_person.contact_id else c for c in crowd]
    ranked = rank_contacts(crowd, TODAY)
    if any(c.last_contacted_on != TODAY for c in crowd):
        assert ranked[0].contact_id != today_person.contact_id
        assert not ranked[0].contacted_today


@given(crowd=_crowds, seed=st.randoms(use_true_random=False))
def test_the_ranking_does_not_depend_on_input_order(crowd, seed):
    shuffled = list(crowd)
    seed.shuffle(shuffled)
    assert rank_contacts(shuffled, TODAY) == rank_contacts(crowd, TODAY)


@given(crowd=_crowds)
def test_ranks_run_from_one_without_gaps_and_scores_add_up_the_reasons(crowd):
    ranked = rank_contacts(crowd, TODAY)
    assert [s.rank for s in ranked] == list(range(1, len(crowd) + 1))
    assert all(s.score == sum(r.points for r in s.reasons) for s in ranked)


@given(crowd=_crowds, limit=st.integers(0, 30))
def test_a_limit_keeps_the_head_of_the_full_list(crowd, limit):
    assert rank_contacts(crowd, TODAY, limit=limit) == rank_contacts(crowd, TODAY)[:limit]


def _rank_of(ranked, contact_id: int) -> int:
    return next(s.rank for s in ranked if s.contact_id == contact_id)


@pytest.mark.parametrize(
    ("reason", "priority", "points", "words"),
    [
        ("reconnect", 1, 30, "On your reconnect list: want to reconnect (high priority)"),
        ("value_view", 2, 20, "On your reconnect list: value their view (normal priority)"),
        ("know_better", 3, 10, "On your reconnect list: want to know better (low priority)"),
        ("know_better", None, 20, "On your reconnect list: want to know better (normal priority)"),
    ],
)
def test_your_reconnect_list_counts_even_when_recently_in_touch(reason, priority, points, words):
    person = Candidate(
        1, "Ana", last_contacted_on=TODAY - timedelta(days=1), reconnect=reason, reconnect_priority=priority
    )
    (found,) = list_reasons(person, TODAY)
    assert (found.code, found.points, found.text) == ("reconnect", points, words)


def test_nobody_off_the_list_gets_a_reconnect_reason():
    assert "reconnect" not in _codes(Candidate(1, "Ana", last_contacted_on=TODAY, reconnect=""))


@pytest.mark.parametrize(
    ("reason", "priority", "fine"),
    [
        ("", None, True),
        ("reconnect", 1, True),
        ("value_view", 3, True),
        ("reconnect", None, False),
        ("reconnect", 4, False),
        ("old_friend", 1, False),
    ],
)
def test_a_reconnect_choice_is_checked(reason, priority, fine):
    assert (check_reconnect(reason, priority) is None) == fine


@given(crowd=_crowds)
def test_each_section_runs_from_the_highest_shown_score_down_and_today_is_its_own_section(crowd):
    ahead, rested = split_contacted_today(rank_contacts(crowd, TODAY))
    for section in (ahead, rested):
        scores = [s.score for s in section]
        assert scores == sorted(scores, reverse=True)
    assert not any(s.contacted_today for s in ahead) and all(s.contacted_today for s in rested)
    assert len(ahead) + len(rested) == len(crowd)


@given(crowd=_crowds, pick=st.integers(0, 24))
def test_moving_someone_up_your_reconnect_priority_never_lowers_their_place(crowd, pick):
    person = replace(crowd[pick % len(crowd)], reconnect="reconnect", reconnect_priority=3)
    higher = replace(person, reconnect_priority=1)
    low = [person if c.contact_id == person.contact_id else c for c in crowd]
    high = [higher if c.contact_id == person.contact_id else c for c in crowd]
    assert _rank_of(rank_contacts(high, TODAY), person.contact_id) <= _rank_of(
        rank_contacts(low, TODAY), person.contact_id
    )
    assert RECONNECT_POINTS[1] > RECONNECT_POINTS[3]
