"""The home dashboard: progress through the six tips, the next five actions (one click each), charts."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

from core.model import RATING_QUESTIONS, ContactDraft
from store import open_workbook
from store.contacts import add_contact
from store.interactions import log_interaction
from store.maintenance import set_key_contact
from store.ratings import save_rating

TODAY = date.today()


def read(path, sql: str):
    import ui.session

    return ui.session._open_local(str(path)).read(sql)


def text_of(at) -> str:
    return " ".join(m.value for m in at.markdown) + " " + " ".join(c.value for c in at.caption)


def card(at, tip: int) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(f"**Tip {tip} ·"))


def test_an_empty_workbook_starts_at_tip_one_with_nothing_done(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb")
    assert not at.exception
    assert any(s.value == "Your progress: 0 of 6 tips done" for s in at.subheader)
    assert "Start with tip 1" in " ".join(i.value for i in at.info)
    assert "Next: add someone from family." in text_of(at)
    assert "No actions yet" in " ".join(i.value for i in at.info)


def test_five_circles_with_people_count_as_tip_one_done(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    for circle in ("family", "friends", "neighbours", "former_jobs", "school"):
        add_contact(book, ContactDraft(name=f"Someone from {circle}", circle=circle))
    book.close()
    at = app_on(path)
    assert "Done" in card(at, 1)
    assert "Not yet" in card(at, 6)
    assert "Next: add someone from faith and civic groups." in text_of(at)


def test_a_rating_in_the_last_ninety_days_counts_and_an_older_one_asks_for_a_retake(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    save_rating(book, dict.fromkeys(RATING_QUESTIONS, True), TODAY - timedelta(days=120), today=TODAY)
    book.close()
    at = app_on(path)
    assert "Not yet" in card(at, 4)
    assert f"retake the rating (last taken {TODAY - timedelta(days=120):%d %b %Y})" in text_of(at)
    import ui.session  # the app holds the file open, so write through its handle

    save_rating(ui.session._open_local(str(path)), dict.fromkeys(RATING_QUESTIONS, False), TODAY, today=TODAY)
    at.run()
    assert "Done" in card(at, 4)


def test_an_overdue_key_contact_is_a_next_action_and_one_click_logs_the_contact(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    ana = add_contact(book, ContactDraft(name="Ana Costa"))
    set_key_contact(book, ana, 14)
    log_interaction(book, ana, TODAY - timedelta(days=40), "catch_up", today=TODAY)
    book.close()
    at = app_on(path)
    assert "**Ana Costa**" in text_of(at)
    assert "overdue key contacts" in text_of(at)
    at.button(key=f"home_contact_{ana}").click().run()
    assert not at.exception
    assert read(path, "SELECT last_contacted_on FROM contacts") == [(TODAY,)]
    assert "Logged a catch-up with Ana Costa today." in " ".join(s.value for s in at.success)
    assert "Done" in card(at, 6)


def test_help_logged_today_comes_first_and_thank_then_report_close_the_loop(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    tia = add_contact(book, ContactDraft(name="Tia Mensah"))
    helped = log_interaction(book, tia, TODAY, "help_received", today=TODAY)  # today: no grace period
    book.close()
    at = app_on(path)
    first = [m.value for m in at.markdown if m.value.startswith("**Tia Mensah**")]
    assert first and "not yet thanked, nor told how it went" in first[0]
    at.button(key=f"home_loop_{helped}_thank").click().run()
    assert "Next: tell them how their help turned out." in " ".join(s.value for s in at.success)
    at.button(key=f"home_loop_{helped}_report").click().run()  # no outcome chosen
    assert "Choose how it went" in at.error[0].value and "Nothing was saved." in at.error[0].value
    at.radio(key=f"home_loop_{helped}_outcome").set_value("interview")
    at.text_input(key=f"home_loop_{helped}_note").input("Second round on Friday")
    at.button(key=f"home_loop_{helped}_report").click().run()
    assert not at.exception
    assert read(path, "SELECT kind, help_id, outcome, note FROM interactions ORDER BY id") == [
        ("help_received", None, "", ""),
        ("thank_you", helped, "", ""),
        ("update", helped, "interview", "Second round on Friday"),
    ]
    assert "the loop is closed" in " ".join(s.value for s in at.success)
    assert "Every helper thanked and told how it went: 1 of 1 loop closed." in text_of(at)
    assert not [m for m in at.markdown if m.value.startswith("**Tia Mensah**")]


def test_a_demo_workbook_shows_five_actions_and_the_four_headline_charts(app_on, tmp_path, demo_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, path)
    at = app_on(path)
    assert not at.exception
    keys = [b.key for b in at.button if b.key and b.key.startswith("home_")]
    rows = {k.rsplit("_", 1)[0] if k.startswith("home_loop_") else k for k in keys}
    assert len(rows) == 5  # one row per action, whatever its buttons
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert len(specs) == 4
    for title, spec in zip(
        ("People per circle", "Your rating over time", "Give and take", "Your reconnect schedule"), specs
    ):
        assert title in spec


def test_the_actions_heading_counts_what_is_there(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    ana = add_contact(book, ContactDraft(name="Ana Costa"))
    set_key_contact(book, ana, 14)
    book.close()
    at = app_on(path)
    assert any(s.value == "Your next action" for s in at.subheader)
