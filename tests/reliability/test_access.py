"""Nobody let in: the facilitator's key, the room store, the server's log and the upload limit."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.rooms
import ui.session
from core.model import ContactDraft
from fileio.decode import MAX_IMPORT_BYTES
from store import open_workbook
from store.contacts import add_contact
from store.interactions import log_interaction
from store.rooms import open_room
from tests.browser_support import start_server, wait_until_idle
from tests.conftest import APP

ROOT = Path(__file__).resolve().parents[2]
TODAY = date.today()
# Personal data with spellings found nowhere else, so a match anywhere is a leak.
PEOPLE = [
    ("Quillon Brackenridge", "quillon.b@leakcheck.example", "Zephyrine Holdings", "met at Vantablack Choir"),
    ("Ysolde Marchbanks", "ysolde.m@leakcheck.example", "Orrery & Sons", "daughter at Thistlewood Primary"),
]
SECRETS = [text for person in PEOPLE for text in person]


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(f"pages/{page}")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def workshop(monkeypatch):
    monkeypatch.setenv("WORKBOOK_MODE", "shared")
    ui.rooms.room_store.clear()
    ui.session.private_workbooks.clear()
    yield ui.rooms.room_store()
    ui.rooms.room_store.clear()
    ui.session.private_workbooks.clear()


def tamper(key: str) -> str:
    return key[:-1] + ("A" if key[-1] != "A" else "B")


@pytest.mark.parametrize(
    "offered",
    ["missing", "empty", "wrong", "another room's", "upper-cased", "with a trailing space", "its hash"],
)
def test_the_facilitator_view_refuses_any_key_but_the_rooms_own(workshop, offered, record):
    code, key = open_room(workshop, timedelta(hours=2))
    _, other_key = open_room(workshop, timedelta(hours=2))
    params = {"room": code}
    from core.workshop import hash_key

    keys = {
        "empty": "",
        "wrong": tamper(key),
        "another room's": other_key,
        "upper-cased": key.upper(),
        "with a trailing space": key + " ",
        "its hash": hash_key(key),
    }
    if offered in keys:
        params["key"] = keys[offered]
    if offered == "upper-cased" and key.upper() == key:
        params["key"] = tamper(key)
    stranger = open_page("facilitator.py", **params)
    assert len(stranger.error) == 1 and "\n" not in stranger.error[0].value
    assert not stranger.metric and not stranger.tabs
    assert {b.label for b in stranger.main.button} <= {"Open a new room instead"}  # nothing that steers the room
    assert not stranger.get("vega_lite_chart")
    assert key not in " ".join(str(c.value) for c in stranger.code)
    record("Isolation and access", "facilitator view opened without the room's own key", sessions=1, inputs=1)


def test_the_facilitator_view_opens_with_the_rooms_own_key(workshop):
    code, key = open_room(workshop, timedelta(hours=2))
    facilitator = open_page("facilitator.py", room=code, key=key)
    assert not facilitator.error
    assert facilitator.tabs or facilitator.metric  # the dashboard is there: the refusals above are real refusals


def join_and_share(participant: AppTest, code: str, nickname: str) -> None:
    participant.text_input(key="ws_code").input(code)
    participant.text_input(key="ws_nickname").input(nickname)
    next(b for b in participant.button if b.label == "Join the room").click().run()
    participant.toggle(key="ws_consent").set_value(True).run()
    assert not participant.exception, [e.value for e in participant.exception]


def test_a_workshop_room_holds_no_personal_data_from_the_participants_workbooks(workshop, record):
    code, key = open_room(workshop, timedelta(hours=2), min_group=3)
    for n in range(4):
        claim = ui.session.private_workbooks().claim(None)
        token, workbook = claim.token, claim.workbook
        for name, email, company, notes in PEOPLE:
            person = add_contact(
                workbook,
                ContactDraft(
                    name=f"{name} {n}", email=email, company=company, notes=notes, tie="strong" if n % 2 else "weak"
                ),
            )
            log_interaction(workbook, person, TODAY, "ask", note=f"asked {name} about {company}", today=TODAY)
        participant = open_page("workshop.py", w=token)
        join_and_share(participant, code, "" if n else "Sam")
    facilitator = open_page("facilitator.py", room=code, key=key)
    dump = workshop.dump()
    held = " ".join(str(value) for rows in dump.values() for row in rows for value in row)
    shown = " ".join(str(e.value) for e in facilitator.main if hasattr(e, "value"))
    assert len(dump["shares"]) == 4 and "Sam" in held  # the store did get their figures and the nickname
    leaked = [s for s in SECRETS if s in held or s in shown]
    assert key not in held  # only the key's hash is kept
    record(
        "Isolation and access",
        "workshop room store after four participants shared (names, emails, notes)",
        sessions=5,
        inputs=len(SECRETS),
        lost=len(leaked),
    )
    assert leaked == []


def test_the_upload_limit_is_fifty_megabytes_for_the_uploader_and_the_importer():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == 50
    assert MAX_IMPORT_BYTES == 50 * 1024 * 1024  # Streamlit's "MB" is 1024 x 1024 bytes


@pytest.fixture(scope="module")
def server_with_people(browser, tmp_path_factory):
    """The real server on a workbook, with a browser tab that typed in personal data on tip 1."""
    folder = tmp_path_factory.mktemp("access")
    path = folder / "access.duckdb"
    server = start_server(path, folder)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    try:
        tab.goto(f"{server.url}/know_your_network")
        wait_until_idle(tab)
        for name, email, company, notes in PEOPLE:
            tab.get_by_label("Name (required)").fill(name)
            tab.get_by_label("Email").first.fill(email)
            tab.get_by_label("Company").first.fill(company)
            tab.get_by_label("Notes").first.fill(notes)
            tab.get_by_role("button", name="Add person").click()
            wait_until_idle(tab)
        tab.get_by_label("Name (required)").fill(PEOPLE[0][0] + " Again")
        tab.get_by_label("Email").first.fill("not-an-email " + PEOPLE[0][1])  # the refusal path too
        tab.get_by_role("button", name="Add person").click()
        wait_until_idle(tab)
        yield server, tab, path
    finally:
        context.close()
        server.stop()


@pytest.mark.browser
def test_the_server_log_holds_none_of_the_names_or_emails_typed_in(server_with_people, record):
    server, tab, _ = server_with_people
    for page in ("", "reach_out", "maintain_your_network", "import_export", "about_your_data"):
        tab.goto(f"{server.url}/{page}")
        wait_until_idle(tab)
    log = server.log.read_text(errors="replace")
    assert "Traceback" not in log
    leaked = [s for s in SECRETS if s in log or s.lower() in log.lower()]
    record(
        "Isolation and access",
        "server log after a browser session typed in names, emails and notes",
        sessions=1,
        inputs=len(SECRETS),
        lost=len(leaked),
    )
    assert leaked == []


@pytest.mark.browser
def test_an_upload_over_the_limit_is_refused_in_the_browser_and_nothing_is_imported(
    server_with_people, tmp_path, record
):
    server, tab, path = server_with_people
    big = tmp_path / "Connections.csv"
    with big.open("wb") as out:
        out.write(b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
        row = b"Oversize,Person,https://www.linkedin.com/in/x,,Acme,Analyst,01 Jan 2026\n"
        out.write(row * (51 * 1024 * 1024 // len(row) + 1))
    tab.goto(f"{server.url}/import_export")
    wait_until_idle(tab)
    tab.locator("input[type=file]").first.set_input_files(str(big))
    wait_until_idle(tab)
    refusal = tab.get_by_text("File must be 50.0MB or smaller")
    refusal.wait_for()
    assert refusal.is_visible()
    server.stop()
    book = open_workbook(path)
    try:
        names = [n for (n,) in book.read("SELECT name FROM contacts ORDER BY id")]
    finally:
        book.close()
    assert names == [p[0] for p in PEOPLE]  # what was typed in is there; nothing from the big file
    record(
        "Isolation and access",
        "a 51 MB address book offered to the importer in the browser",
        sessions=1,
        inputs=1,
        lost=0,
    )
