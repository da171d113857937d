"""Tip 4's upgrade plan: how out of date the network is, and steps that follow from it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.upgrade import Destination, NetworkAge, check_status, plan_upgrade, share


def test_an_empty_list_gets_one_first_step_and_no_percentages():
    plan = plan_upgrade(NetworkAge())
    assert plan.steps[0].tip == 1 and plan.forward_share == 0
    assert plan.summary == "Nobody is listed yet, so there is nothing to measure."


def test_a_network_bound_to_the_past_says_so_with_its_shares():
    plan = plan_upgrade(
        NetworkAge(
            people=20,
            forward=2,
            past=12,
            silent=5,
            destinations=(
                Destination(1, "association", "Data Guild", "", 0),
                Destination(2, "field", "UX", "reading", 3),
            ),
        )
    )
    assert (plan.forward_share, plan.past_share, plan.silent, plan.unlinked) == (10, 60, 5, ("Data Guild",))
    texts = [s.text for s in plan.steps]
    assert any("Find someone who belongs to “Data Guild”" in t for t in texts)
    assert any("Join, attend or start reading “Data Guild”" in t for t in texts)
    assert not any("“UX”" in t for t in texts)  # linked and being read: nothing to do there
    assert any("(60%)" in t and "(10%)" in t for t in texts)
    assert any(t.startswith("5 people have been silent for over a year") for t in texts)
    assert plan.summary == (
        "10% of your people are linked to where you want to go, 60% come from past circles "
        "(former jobs, school); 5 people silent for over a year; nobody is linked to 1 of your 2 places to go."
    )


def test_without_a_destination_the_first_step_is_to_name_one():
    plan = plan_upgrade(NetworkAge(people=3, forward=3))
    assert plan.steps[0].tip == 5 and "association" in plan.steps[0].text
    assert "no place you want to go is named yet" in plan.summary


def test_statuses_are_the_four_offered():
    assert all(check_status(s) is None for s in ("", "joined", "attended", "reading"))
    assert "not a status" in check_status("member")


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_a_share_is_a_whole_percent_between_0_and_100(part, extra):
    assert 0 <= share(part, part + extra) <= 100
    assert share(part, 0) == 0
