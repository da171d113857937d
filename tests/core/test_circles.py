"""Tip 1's circles: every circle is shown (empty ones too), in brainstorm order, with a reading."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.circles import CircleCount, count_circles, describe_coverage, empty_circles
from core.model import CIRCLES


def test_every_known_circle_is_listed_in_brainstorm_order_even_when_empty():
    rows = count_circles({"online": 52, "family": 4})
    assert [r.circle for r in rows] == list(CIRCLES)
    assert [r.label for r in rows] == list(CIRCLES.values())
    assert {r.circle: r.people for r in rows if r.people} == {"online": 52, "family": 4}
    assert [r.circle for r in rows if r.empty] == [c for c in CIRCLES if c not in ("online", "family")]


def test_a_circle_the_app_does_not_know_comes_after_the_known_ones_with_a_readable_label():
    rows = count_circles({"friends": 2, "book_club": 3, "alumni_network": 1, "old_circle": 0})
    assert [r.circle for r in rows][: len(CIRCLES)] == list(CIRCLES)
    assert rows[len(CIRCLES) :] == [
        CircleCount("alumni_network", "Alumni network", 1),
        CircleCount("book_club", "Book club", 3),
    ]


def test_empty_circles_are_the_known_ones_with_nobody_in_brainstorm_order():
    assert empty_circles({}) == list(CIRCLES)
    assert empty_circles({"friends": 1, "services": 2, "book_club": 0}) == [
        c for c in CIRCLES if c not in ("friends", "services")
    ]
    assert empty_circles(dict.fromkeys(CIRCLES, 1)) == []


def test_a_circle_with_people_is_not_empty():
    assert not CircleCount("family", "Family", 1).empty
    assert CircleCount("family", "Family", 0).empty


def test_nobody_listed_yet_suggests_where_to_start():
    text = describe_coverage({})
    assert text.startswith("Nobody listed yet")
    assert "family" in text


def test_the_reading_names_the_total_the_circles_covered_the_largest_and_the_empty_ones():
    text = describe_coverage({"online": 1200, "family": 4, "friends": 8})
    assert text.startswith("1,212 people across 3 of 10 circles; the largest is online and social media (1,200).")
    assert "Still empty: neighbours, former jobs, school and college" in text
    assert text.endswith("Who comes to mind there?")
    assert "family," not in text.split("Still empty:")[1]


def test_one_person_is_a_person_not_people():
    assert describe_coverage({"gym": 1}).startswith(
        "1 person across 1 of 10 circles; the largest is gym and clubs (1)."
    )


def test_every_circle_covered_is_praised_and_nothing_is_called_empty():
    text = describe_coverage(dict.fromkeys(CIRCLES, 2))
    assert "Every circle has someone" in text
    assert "Still empty" not in text
    assert text.startswith("20 people across 10 of 10 circles")


@given(st.dictionaries(st.sampled_from([*CIRCLES, "book_club", "alumni"]), st.integers(0, 10_000)))
def test_the_rows_add_up_to_everyone_and_the_reading_never_fails(counts):
    rows = count_circles(counts)
    assert sum(r.people for r in rows) == sum(counts.values())
    assert len({r.circle for r in rows}) == len(rows)
    text = describe_coverage(counts)
    assert text and "\n" not in text
    if sum(counts.values()):
        assert text.startswith(f"{sum(counts.values()):,} ")
