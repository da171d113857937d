"""A signed-in visitor's database goes away mid-session: one clear line, no traceback, and back to work after.

The account lives on a real PostgreSQL server that the test stops and starts again; the app (its cached
database handle and pool) lives on throughout, as a server process would.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests import pg_support
from tests.pages.account_support import forget_the_server_state, names_kept, signed_in_opener

KNOW = "pages/know_your_network.py"
server = pg_support.stoppable_postgres  # a server of this module's own, stopped and started by its tests


@pytest.fixture
def signed_in(server, monkeypatch):
    """Open the app as a signed-in visitor whose workbook is kept on the server."""
    server.create_database("outage_page")
    opener = signed_in_opener(monkeypatch, server.url("outage_page"))
    yield lambda page=KNOW: opener(page)
    forget_the_server_state()
    if not pg_support.is_up(server):
        server.come_back()
    server.drop_database("outage_page")


def add(at: AppTest, name: str) -> None:
    at.text_input(key="new_name").input(name)
    [b for b in at.button if b.label == "Add person"][0].click().run()


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def people_count(at: AppTest) -> str:
    return [m.value for m in at.metric][0]


def test_a_save_while_the_database_is_away_says_so_in_one_line_and_works_again_when_it_is_back(server, signed_in):
    at = signed_in()
    add(at, "Ana Costa")
    assert people_count(at) == "1"

    server.go_away()
    add(at, "Bo Lindqvist")
    assert not at.exception, "no traceback"
    assert errors(at) == [
        "Your last save did not go through: the database that keeps your workbook could not be reached. "
        "Nothing was saved; everything you saved before is safe. Try again in a moment."
    ]
    at.run()  # another click while it is still away: it is still away, said once, without the lost save again
    assert not at.exception
    assert len(errors(at)) == 1 and "cannot be reached right now" in errors(at)[0]

    server.come_back()
    at.switch_page(KNOW).run()  # the same server process: no restart
    assert not at.exception and not errors(at)
    assert people_count(at) == "1", "the refused save left nothing behind"
    add(at, "Bo Lindqvist")
    assert people_count(at) == "2"
    assert any("Added Bo Lindqvist" in s.value for s in at.success)
    assert names_kept(server.url("outage_page")) == ["Ana Costa", "Bo Lindqvist"]


def test_a_database_that_goes_away_between_page_runs_is_one_line_at_the_top(server, signed_in):
    at = signed_in()
    add(at, "Ana Costa")
    server.go_away()
    at.switch_page("pages/home.py").run()
    assert not at.exception
    assert errors(at) == [
        "The database that keeps your workbook cannot be reached right now. "
        "Everything you saved is safe; reload the page in a moment."
    ]
    server.come_back()
    at.switch_page(KNOW).run()
    assert not at.exception and not errors(at)
    assert people_count(at) == "1"
