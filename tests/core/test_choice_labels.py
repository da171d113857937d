"""Choice lists name every option differently: Streamlit returns the option whose label was picked."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from core.text import distinct_labels, person_labels


def person(id: int, name: str, company: str = "", email: str = "") -> SimpleNamespace:
    return SimpleNamespace(id=id, name=name, company=company, email=email)


def test_namesakes_at_one_company_are_told_apart_by_email_and_everyone_else_keeps_their_label():
    labels = person_labels(
        [
            person(124, "Rosa Ivanova", "Harbor City Council", "rosa.i@example.org"),
            person(28888, "Rosa Ivanova", "Harbor City Council", "rivanova@example.org"),
            person(7, "Rosa Ivanova", "St Jude Hospital"),
            person(8, "Bo Chen"),
        ]
    )
    assert labels == {
        124: "Rosa Ivanova · Harbor City Council · rosa.i@example.org",
        28888: "Rosa Ivanova · Harbor City Council · rivanova@example.org",
        7: "Rosa Ivanova · St Jude Hospital",
        8: "Bo Chen",
    }


def test_namesakes_without_an_email_are_told_apart_by_their_number():
    labels = person_labels([person(3, "Sam Lee"), person(9, "Sam Lee"), person(12, "Sam Lee", email="sam@example.org")])
    assert labels == {3: "Sam Lee · #3", 9: "Sam Lee · #9", 12: "Sam Lee · sam@example.org"}


# Names that look like the labels the rule makes, to try it where a made label meets a real one.
ALIKE = st.sampled_from(["Ana", "Ana · #3", "Ana · #3 · #4", "Bo", ""])


@given(st.dictionaries(st.integers(0, 50), ALIKE, max_size=12))
def test_every_option_gets_a_label_of_its_own_that_begins_with_its_name(labels):
    told = distinct_labels(labels)
    assert len(set(told.values())) == len(told)
    assert all(told[key].startswith(label) for key, label in labels.items())


@given(st.dictionaries(st.integers(), st.text(), max_size=12))
def test_labels_that_are_already_distinct_are_left_as_they_are(labels):
    if len(set(labels.values())) == len(labels):
        assert distinct_labels(labels) == labels
