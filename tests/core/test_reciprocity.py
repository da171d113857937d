"""Give and take: weighted balances per person and overall, and ways to give back from the notes."""

from __future__ import annotations

from core.model import LEDGER_KINDS
from core.reciprocity import (
    DEFAULT_WEIGHTS,
    PersonBalance,
    Tally,
    check_entry,
    default_weight,
    describe_balance,
    split_items,
    suggest_give_backs,
)


def test_every_ledger_kind_has_a_visible_weight_from_one_to_five():
    assert set(DEFAULT_WEIGHTS) == set(LEDGER_KINDS)
    assert all(1 <= w <= 5 for w in DEFAULT_WEIGHTS.values())
    assert default_weight("referral") > default_weight("thank_you")


def test_the_balance_is_what_you_gave_minus_what_you_received_by_weight():
    assert Tally(gave=1, received=5).balance == -4
    assert PersonBalance(2, "Bo", gave=3, received=0).balance == 3
    assert PersonBalance(2, "Bo", gave=3, received=0).standing == "They owe you (+3)"


def test_a_balance_reads_as_who_owes_whom():
    assert describe_balance(-4) == "You owe them (-4)"
    assert describe_balance(3) == "They owe you (+3)"
    assert describe_balance(0) == "Even"


def test_a_weight_out_of_range_is_refused_with_the_allowed_range():
    assert "from 1 (small) to 5 (large)" in check_entry("gave", "advice", 6)
    assert "from 1 (small) to 5 (large)" in check_entry("gave", "advice", 0)
    assert "whole number" in check_entry("gave", "advice", 2.5)
    assert check_entry("gave", "advice", 3) is None


def test_an_unknown_direction_or_kind_is_refused():
    assert "direction" in check_entry("took", "advice", 2)
    assert "kind" in check_entry("gave", "bribe", 2)


def test_needs_suggest_a_referral_an_introduction_or_advice():
    ideas = suggest_give_backs(needs="hiring a data engineer; wants to meet investors; feedback on a talk")
    assert [i.kind for i in ideas[:3]] == ["referral", "introduction", "advice"]
    assert "hiring a data engineer" in ideas[0].text


def test_each_interest_suggests_something_to_send():
    ideas = suggest_give_backs(interests="jazz, climate tech")
    assert ideas[0].text == "Send an article, event or resource about jazz"
    assert ideas[1].text.endswith("climate tech")


def test_family_and_job_notes_suggest_asking_after_them():
    texts = [i.text for i in suggest_give_backs(family="Daughter started college", job_notes="New team lead")]
    assert "Ask after their family (Daughter started college)" in texts
    assert "Ask how work is going (New team lead)" in texts


def test_empty_notes_still_suggest_a_check_in_and_a_thank_you():
    assert [i.kind for i in suggest_give_backs()] == ["check_in", "thank_you"]


def test_give_back_ideas_are_few_and_never_repeated():
    ideas = suggest_give_backs(interests="a, b, c, d, a, e, f, g")
    assert len(ideas) == 6
    assert len({i.text for i in ideas}) == 6


def test_notes_split_on_commas_semicolons_and_lines():
    assert split_items("hiking,  jazz;AI ethics\n\n kids ") == ["hiking", "jazz", "AI ethics", "kids"]
