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


def test_unthanked_help_comes_first_and_one_click_logs_the_thank_you(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    tia = add_contact(book, ContactDraft(name="Tia Mensah"))
    log_interaction(book, tia, TODAY - timedelta(days=30), "help_received", today=TODAY)
    book.close()
    at = app_on(path)
    first = [m.value for m in at.markdown if m.value.startswith("**Tia Mensah**")]
    assert first and "Thank them for their help" in first[0]
    at.button(key=f"home_thanks_{tia}").click().run()
    assert read(path, "SELECT kind FROM interactions ORDER BY id") == [("help_received",), ("thank_you",)]
    assert not [m for m in at.markdown if m.value.startswith("**Tia Mensah**") and "Thank them" in m.value]


def test_a_demo_workbook_shows_five_actions_and_the_four_headline_charts(app_on, tmp_path, demo_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, path)
    at = app_on(path)
    assert not at.exception
    actions = [b for b in at.button if b.key and b.key.startswith("home_")]
    assert len(actions) == 5
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
    import ui.session

    kept = ui.account._accounts()
    ui.account._accounts.clear()
    if kept is not None:
        kept.close()
    ui.session.private_workbooks.clear()


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
