"""What a participant shares with the room says the same tips are done as their home page."""

from __future__ import annotations

from datetime import date

import pytest

from services import home
from services.workbooks import Workbook
from services.workshop_figures import participant_figures
from tests.services.sample_books import demo_copy, fill_partly_done

pytestmark = pytest.mark.both_engines

TODAY = date.today()


def assert_home_and_room_agree(workbook: Workbook) -> frozenset[int]:
    view = home.overview(workbook, TODAY)
    shared = participant_figures(workbook, TODAY)
    assert shared.tips_completed == frozenset(s.number for s in view.progress if s.done)
    assert len(shared.tips_completed) == view.tips_done
    return shared.tips_completed


def test_an_empty_workbook_shares_no_tip_as_its_home_says(workbook):
    assert assert_home_and_room_agree(workbook) == frozenset()
    assert participant_figures(workbook).score is None


def test_a_partly_done_workbook_shares_only_the_tip_its_home_says_is_done(workbook):
    assert assert_home_and_room_agree(fill_partly_done(workbook)) == frozenset({1})
    assert home.overview(workbook, TODAY).tips_done == 1


def test_the_demo_shares_the_tips_its_home_says_are_done(demo_path, tmp_path):
    with demo_copy(demo_path, tmp_path) as demo:
        assert assert_home_and_room_agree(demo)
