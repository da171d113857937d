"""The exports of a whole workbook, as the page and the command give them: the plan is the one weekly plan."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest
from icalendar import Calendar

from core.model import ContactDraft
from services import plan
from services.exports import EXPORTS, export_plan_markdown, plan_sections
from store import open_workbook
from store.contacts import add_contact

pytestmark = pytest.mark.both_engines

NOW = datetime(2026, 3, 2, 10, 0)


def test_the_plan_of_an_empty_workbook_says_where_to_start(workbook):
    sections = plan_sections(workbook, NOW.date())
    assert [s.items for s in sections[:4]] == [(), (), (), ()]
    assert "Reach out page" in sections[0].empty and "Rate your network page" in sections[3].empty
    tips, week = sections[4:]
    assert tips.intro.startswith("0 of 6 tips done") and len(tips.items) == 6
    assert tips.items[0] == "Tip 1 · Know your network: next, add someone from family."
    assert week.items == () and week.intro.startswith("Goal not met yet: so far 0 new people of 3")


def test_the_plan_of_a_demo_workbook_lists_targets_people_references_and_actions(demo_path, tmp_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, path)
    book = open_workbook(path)
    try:
        targets, people, references, rating, tips, _ = plan_sections(book, NOW.date())
        text = export_plan_markdown(book, NOW).decode()
    finally:
        book.close()
    assert targets.items and len(people.items) == 10
    assert all(": " in item for item in people.items)
    assert "scored" in rating.intro
    assert len(tips.items) == 6 - int(tips.intro.split(" of ")[0])
    assert text.startswith("# My networking action plan") and text.count("- [ ] ") >= 11


def test_every_export_builds_and_names_its_file_by_day(workbook):
    add_contact(workbook, ContactDraft(name="=Ann Lee", company="Acme", circle="school"))
    for key, kind in EXPORTS.items():
        data = kind.build(workbook, NOW)
        assert data, key
        assert kind.file_name(NOW).endswith((".zip", ".vcf", ".csv", ".ics", ".html", ".md"))
    assert EXPORTS["zip"].file_name(NOW) == "workbook-2026-03-02.zip"
    assert "'=Ann Lee" in EXPORTS["csv"].build(workbook, NOW).decode("utf-8-sig")


def test_the_calendar_export_is_a_calendar(demo_path, tmp_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, path)
    book = open_workbook(path)
    try:
        calendar = Calendar.from_ical(EXPORTS["ics"].build(book, NOW))
    finally:
        book.close()
    assert calendar.walk("VEVENT")


def test_the_action_plans_people_are_the_head_of_the_one_ranking(demo_path, tmp_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, path)
    book = open_workbook(path)
    try:
        people = plan_sections(book, NOW.date())[1]
        ranked = plan.ranked_list(book, NOW.date())
        calendar = EXPORTS["ics"].build(book, NOW)
        expected = plan.calendar_file(book, NOW, 8)
    finally:
        book.close()
    assert people.items == tuple(f"{s.name}: {s.summary}" for s in ranked[:10])
    assert calendar == expected


def test_the_plan_counts_tips_as_home_does(workbook):
    from services import home

    add_contact(workbook, ContactDraft(name="Ana", circle="family", tie="strong"))
    tips = plan_sections(workbook, NOW.date())[4]
    assert tips.intro.startswith(f"{home.overview(workbook, NOW.date()).tips_done} of 6 tips done")


def test_after_a_score_under_five_the_plan_carries_the_upgrade_steps(workbook):
    from core.model import RATING_QUESTIONS
    from services import rating

    add_contact(workbook, ContactDraft(name="Old boss", circle="former_jobs"))
    answers = {**dict.fromkeys(RATING_QUESTIONS, True), "future": False}
    rating.save_rating(workbook, answers, NOW.date(), {}, NOW.date())
    section = plan_sections(workbook, NOW.date())[3]
    assert "0% of your people are linked to where you want to go, 100% come from past circles" in section.intro
    assert any(item.startswith("Name an association, conference, journal or field") for item in section.items)
