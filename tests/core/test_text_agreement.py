"""Counts in sentences agree: '0 of 1 reference has', never '0 of 1 references have'."""

from __future__ import annotations

import pytest

from core.model import Goal
from core.outreach import describe_references, reference_progress
from core.text import part_of
from core.ties import assess_destinations


@pytest.mark.parametrize(
    ("part", "whole", "said"),
    [
        (0, 1, "0 of 1 reference has"),
        (1, 1, "1 of 1 reference has"),
        (0, 3, "0 of 3 references have"),
        (1, 3, "1 of 3 references has"),
        (2, 3, "2 of 3 references have"),
        (1200, 3000, "1,200 of 3,000 references have"),
    ],
)
def test_the_noun_agrees_with_the_whole_and_the_verb_with_the_part(part, whole, said):
    assert part_of(part, whole, "reference") == said


def test_the_readings_that_said_have_after_one_now_agree():
    assert describe_references([reference_progress(1, {})]).startswith("0 of 1 reference has been")
    report = assess_destinations([Goal(1, "association", "Data Guild", 1)], {1: 2})
    assert report.reading.startswith("1 of 1 destination has someone")
