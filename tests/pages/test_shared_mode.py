"""Shared mode: every visitor gets a private workbook; strangers never see each other's data."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import ui.session
from tests.conftest import APP

KNOW = "pages/know_your_network.py"


@pytest.fixture
def visitor(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBOOK_MODE", "shared")
    monkeypatch.setenv("WORKBOOK_PATH", str(tmp_path / "must-not-be-created.duckdb"))

    def open_app(page: str = KNOW, token: str | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        if token:
            at.query_params["w"] = token
        at.run()
        at.switch_page(page).run()
        return at

    yield open_app
    ui.session.private_workbooks.clear()


def add(at: AppTest, name: str) -> None:
    at.text_input(key="new_name").input(name)
    [b for b in at.button if b.label == "Add person"][0].click().run()


def everything_shown(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [str(m.value) for m in at.metric]
    parts += [str(d.value) for d in at.dataframe]
    return " ".join(parts)


def test_a_person_added_by_one_visitor_appears_nowhere_for_another(visitor, tmp_path):
    alice, bob = visitor(), visitor()
    add(alice, "Alice's secret contact")
    alice.switch_page(KNOW).run()
    bob.run()
    assert "Alice's secret contact" not in everything_shown(bob)
    assert [m.value for m in bob.metric][0] == "0"
    assert [m.value for m in alice.metric][0] == "1"
    for page in ("pages/home.py", "pages/about_your_data.py"):
        bob.switch_page(page).run()
        assert "Alice's secret contact" not in everything_shown(bob)
        assert not bob.exception
    assert not (tmp_path / "must-not-be-created.duckdb").exists()


def test_the_token_stays_out_of_the_address_and_the_browser_that_keeps_it_finds_its_workbook(visitor, monkeypatch):
    first = visitor()
    add(first, "Kept across a reload")
    assert "w" not in first.query_params
    token = first.session_state["_visitor_token"]
    monkeypatch.setattr(ui.session, "_cookie", lambda: token)  # the reloaded tab sends its cookie back
    assert [m.value for m in visitor().metric][0] == "1"
    monkeypatch.setattr(ui.session, "_cookie", lambda: "made-up-token")
    assert [m.value for m in visitor().metric][0] == "0"


def test_a_copied_address_with_a_token_from_an_older_version_opens_nothing(visitor):
    first = visitor()
    add(first, "Not for the copier")
    copier = visitor(token=first.session_state["_visitor_token"])
    assert [m.value for m in copier.metric][0] == "0"
    assert "w" not in copier.query_params


def test_the_shared_banner_says_nothing_is_kept_and_offers_a_backup(visitor):
    at = visitor()
    banner = " ".join(i.value for i in at.sidebar.info)
    assert "nothing is kept on the server" in banner.lower()
    assert not at.exception


def test_local_mode_stays_the_default_when_nothing_is_configured(monkeypatch):
    monkeypatch.delenv("WORKBOOK_MODE", raising=False)
    monkeypatch.setattr(ui.session, "on_community_cloud", lambda: False)
    assert ui.session.workbook_mode() == "local"


def test_community_cloud_defaults_to_shared_mode(monkeypatch):
    monkeypatch.delenv("WORKBOOK_MODE", raising=False)
    monkeypatch.setattr(ui.session, "on_community_cloud", lambda: True)
    assert ui.session.workbook_mode() == "shared"


def test_wiping_now_leaves_an_empty_workbook_and_says_so(visitor, monkeypatch):
    at = visitor()
    add(at, "Gone at once")
    token = at.session_state["_visitor_token"]
    monkeypatch.setattr(ui.session, "_cookie", lambda: token)  # the browser still sends the old cookie
    at.sidebar.checkbox(key="wipe_sure").check().run()
    [b for b in at.sidebar.button if b.label == "Wipe my workbook"][0].click().run()
    assert any("Wiped" in s.value for s in at.sidebar.success)
    assert [m.value for m in at.metric][0] == "0"
    assert not at.warning or all("without a sign of life" not in w.value for w in at.warning)
    assert ui.session.private_workbooks().claim(token).token != token  # the old one is gone


def test_wiping_needs_the_box_ticked(visitor):
    at = visitor()
    add(at, "Kept")
    [b for b in at.sidebar.button if b.label == "Wipe my workbook"][0].click().run()
    assert any("Nothing was wiped" in e.value for e in at.sidebar.error)
    assert [m.value for m in at.metric][0] == "1"


@pytest.mark.parametrize(
    ("grace_seconds", "promise"), [("900", "about 15 minutes after"), ("6", "about 1 minute after")]
)
def test_the_banner_says_how_long_a_quiet_workbook_is_kept_in_words_that_agree(
    visitor, monkeypatch, grace_seconds, promise
):
    monkeypatch.setenv("WORKBOOK_GRACE_SECONDS", grace_seconds)
    ui.session.private_workbooks.clear()
    banner = " ".join(i.value for i in visitor().sidebar.info)
    assert f"wiped {promise} you leave" in banner
