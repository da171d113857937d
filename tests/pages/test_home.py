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
from tests.pages.action_list_support import press, rows, texts
from tests.pages.tab_support import open_tab

TODAY = date.today()
ACTIONS = "home_actions"  # the next actions, drawn as one list (ui.action_list)


def read(path, sql: str):
    import ui.session

    return ui.session._open_local(str(path)).read(sql)


def text_of(at) -> str:
    return " ".join(m.value for m in at.markdown) + " " + " ".join(c.value for c in at.caption)


def on_progress(at):
    return open_tab(at, "home_tab", "Your progress")


def card(at, tip: int) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(f"**Tip {tip} ·"))


def test_an_empty_workbook_starts_at_tip_one_with_nothing_done(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb")
    assert not at.exception
    assert "Start with tip 1" in " ".join(i.value for i in at.info)
    assert "No actions yet" in " ".join(i.value for i in at.info)
    on_progress(at)
    assert any(s.value == "Your progress: 0 of 6 tips done" for s in at.subheader)
    assert "Next: add someone from family." in text_of(at)


def test_five_circles_with_strong_and_weak_ties_count_as_tip_one_done(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    for circle in ("family", "friends", "neighbours", "former_jobs", "school"):
        add_contact(
            book,
            ContactDraft(name=f"Someone from {circle}", circle=circle, tie="strong" if circle == "family" else "weak"),
        )
    book.close()
    at = on_progress(app_on(path))
    assert "Done" in card(at, 1)
    assert "Not yet" in card(at, 6)
    assert "Next: add someone from faith and civic groups." in text_of(at)


def test_an_old_rating_asks_for_a_retake_and_a_better_retake_counts(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    three_noes = {**dict.fromkeys(RATING_QUESTIONS, True), "truth": False, "vibrant": False, "future": False}
    save_rating(book, three_noes, TODAY - timedelta(days=120), today=TODAY)
    book.close()
    at = on_progress(app_on(path))
    assert "Not yet" in card(at, 4)
    assert f"retake the rating (last taken {TODAY - timedelta(days=120):%d %b %Y})" in text_of(at)
    import ui.session  # the app holds the file open, so write through its handle

    one_no = {**dict.fromkeys(RATING_QUESTIONS, True), "future": False}
    save_rating(ui.session._open_local(str(path)), one_no, TODAY, today=TODAY)  # 4, up from 2
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
    assert [row["title"] for row in rows(at, ACTIONS)] == ["Ana Costa"]
    on_progress(at)
    assert "get in touch with the 1 overdue key contact." in text_of(at)
    press(at, ACTIONS, f"contact_{ana}", "got_in_touch")
    assert read(path, "SELECT last_contacted_on FROM contacts") == [(TODAY,)]
    assert "Logged a catch-up with Ana Costa today." in " ".join(s.value for s in at.success)
    # No longer overdue, but not kept on her cadence for four weeks: one catch-up today does not finish tip 6.
    assert "Not yet" in card(at, 6)
    assert "keep each key contact on their cadence for four weeks running" in text_of(at)


def test_help_logged_today_comes_first_and_thank_then_report_close_the_loop(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    tia = add_contact(book, ContactDraft(name="Tia Mensah"))
    helped = log_interaction(book, tia, TODAY, "help_received", today=TODAY)  # today: no grace period
    book.close()
    at = app_on(path)
    first = texts(at, ACTIONS)
    assert first[0].startswith("Tia Mensah") and "not yet thanked, nor told how it went" in first[0]
    press(at, ACTIONS, f"loop_{helped}", "thank")
    assert "Next: tell them how their help turned out." in " ".join(s.value for s in at.success)
    press(at, ACTIONS, f"loop_{helped}", "report")  # "Told them how it went" opens its form
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
    assert not [line for line in texts(at, ACTIONS) if line.startswith("Tia Mensah")]


def test_a_demo_workbook_shows_five_actions_the_weeks_chart_and_the_four_headline_charts(app_on, tmp_path, demo_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, path)
    at = app_on(path)
    assert not at.exception
    assert len(rows(at, ACTIONS)) == 5  # one row per action, whatever its buttons
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert len(specs) == 1  # this week's: only the open tab is drawn
    specs += [c.proto.spec for c in open_tab(at, "home_tab", "At a glance").get("vega_lite_chart")]
    assert len(specs) == 5
    titles = (
        "Your weeks against your goal",
        "People per circle",
        "Your rating over time",
        "Give and take",
        "Your reconnect schedule",
    )
    for title, spec in zip(titles, specs, strict=True):
        assert title in spec


def test_the_actions_heading_counts_what_is_there(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    ana = add_contact(book, ContactDraft(name="Ana Costa"))
    set_key_contact(book, ana, 14)
    book.close()
    at = app_on(path)
    assert any(s.value == "Your next action" for s in at.subheader)


def goal_settings(path) -> dict[str, str]:
    return dict(read(path, "SELECT key, value FROM settings WHERE key LIKE 'weekly_goal.%'"))


def test_this_week_on_an_empty_workbook_shows_the_default_goal_not_met_and_its_chart(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb")
    assert not at.exception
    assert any(s.value.startswith("This week (from ") for s in at.subheader)
    words = text_of(at)
    assert "**Key contacts due: 0**" in words and "Nobody is due this week." in words
    assert "**Thanks and reports owed: 0**" in words
    assert "**Your goal: 3 new people and 1 informational interview a week**" in words
    assert "Goal not met yet" in words
    assert "Nothing logged in the last 8 weeks yet" in words


def test_this_week_lists_who_is_due_and_who_is_owed_thanks(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    ana = add_contact(book, ContactDraft(name="Ana *Costa*"))
    set_key_contact(book, ana, 30)
    log_interaction(book, ana, TODAY - timedelta(days=40), "catch_up", today=TODAY)
    log_interaction(book, ana, TODAY, "help_received", today=TODAY)
    book.close()
    words = text_of(app_on(path))
    assert "**Key contacts due: 0**" in words  # the help today moved her last contact forward
    assert "**Thanks and reports owed: 1**" in words and "Ana \\*Costa\\* · helped" in words


def test_setting_the_weekly_goal_keeps_it_and_a_week_that_meets_it_says_so(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    add_contact(book, ContactDraft(name="Bo"))
    book.close()
    at = app_on(path)
    at.number_input(key="goal_new").set_value(1)
    at.number_input(key="goal_interviews").set_value(0)
    at.button[[b.label for b in at.button].index("Save my goal")].click().run()
    assert not at.exception
    assert "Weekly goal saved: 1 new person and 0 informational interviews a week." in " ".join(
        s.value for s in at.success
    )
    assert goal_settings(path) == {"weekly_goal.new_people": "1", "weekly_goal.interviews": "0"}
    assert ":material/check_circle: Goal met" in text_of(at)
    assert "So far 1 new person of 1 and 0 informational interviews of 0." in text_of(at)


def test_a_goal_of_nothing_is_refused_and_the_saved_goal_stays(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path)
    at.number_input(key="goal_new").set_value(0)
    at.number_input(key="goal_interviews").set_value(0)
    at.button[[b.label for b in at.button].index("Save my goal")].click().run()
    errors = " ".join(e.value for e in at.error)
    assert "at least one part of the goal above 0" in errors and "Nothing was saved." in errors
    assert goal_settings(path) == {}


# --- The sign-in line on home (a phone starts with the sidebar, and its account panel, collapsed). ---

PROMPT = "**Sign in to keep your workbook.**"


def open_home(monkeypatch, tmp_path, *, mode="shared", auth=True, logged_in=False):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APP
    from tests.pages.account_support import AUTH

    monkeypatch.setenv("WORKBOOK_MODE", mode)
    monkeypatch.setenv("WORKBOOK_PATH", str(tmp_path / "local.duckdb"))
    monkeypatch.setenv("WORKBOOK_USER_DIR", str(tmp_path / "accounts"))
    at = AppTest.from_file(APP, default_timeout=30)
    if auth:
        at.secrets["auth"] = AUTH  # its provider (127.0.0.1:9) never answers
        at.user = {"is_logged_in": logged_in, "iss": "https://idp.example", "sub": "alice", "name": "Alice"}
    at.run()
    return at


def prompts(at) -> list[str]:
    return [m.value for m in at.main.markdown if m.value.startswith(PROMPT)]


def forget_shared_state():
    import ui.account

    ui.account.forget_process_state()


def test_home_asks_a_visitor_who_is_not_signed_in_to_sign_in_beside_a_button(monkeypatch, tmp_path):
    try:
        at = open_home(monkeypatch, tmp_path)
        assert not at.exception
        assert prompts(at) == [PROMPT + " Until you do, this shared server wipes it a while after you leave."]
        assert at.main.button(key="home_sign_in").label == "Sign in"
        at.main.button(key="home_sign_in").click().run()  # the provider is down: said here, where they are looking
        assert not at.exception
        said = [e.value for e in at.main.error]
        assert len(said) == 1 and said[0].startswith("The sign-in service") and "is not answering" in said[0]
        assert not (tmp_path / "accounts").exists() or not list((tmp_path / "accounts").iterdir())
    finally:
        forget_shared_state()


def test_home_has_no_sign_in_line_when_signed_in_or_without_sign_in_configured(monkeypatch, tmp_path):
    try:
        assert prompts(open_home(monkeypatch, tmp_path, logged_in=True)) == []
        assert prompts(open_home(monkeypatch, tmp_path, auth=False)) == []
        assert prompts(open_home(monkeypatch, tmp_path, mode="local")) == []
    finally:
        forget_shared_state()
        import ui.session

        ui.session._open_local.clear()
