"""Tip 2's page: targets, the pitch, references and the outreach log save what they should."""

from __future__ import annotations

from datetime import date, timedelta

from core.model import ContactDraft
from store import open_workbook
from store.contacts import add_contact
from store.outreach import add_target
from tests.pages.tab_support import open_tab
from ui.registry import page

PAGE = "reach_out.py"


def seed(path, *names, strong=()):
    book = open_workbook(path)
    ids = [add_contact(book, ContactDraft(name=n, tie="strong" if n in strong else "weak")) for n in names]
    book.close()
    return ids


def rows_in(path, sql):
    import ui.session

    return ui.session._open_local(str(path)).read(sql)


def on_tab(at, label: str):
    return open_tab(at, "tip2_tab", label)


def click(at, label):
    [b for b in at.button if b.label == label][0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_page_reassures_the_nervous_and_credits_the_article(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb", PAGE)
    assert at.title[0].value == page("reach").title == "2 · Reach out"  # the sidebar's title
    assert any("Nervous" in e.label for e in at.expander)
    assert any("Helping feels good" in m.value for m in at.markdown)
    assert any("HelpGuide.org" in c.value for c in at.caption)


def test_a_specific_target_is_saved_and_the_field_cleared(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    at.selectbox(key="target_kind").select("employer")
    at.text_input(key="target_title").input("Meridian Hospital")
    click(at, "Add target")
    assert rows_in(path, "SELECT kind, title FROM goals") == [("employer", "Meridian Hospital")]
    assert at.text_input(key="target_title").value == ""
    assert any("nobody yet" in m.value for m in at.markdown)


def test_a_vague_target_is_refused_with_why_and_an_example(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    at.text_input(key="target_title").input("anything")
    click(at, "Add target")
    assert rows_in(path, "SELECT count(*) FROM goals") == [(0,)]
    [error] = at.error
    assert "too open" in error.value and "e.g." in error.value and "Nothing was saved" in error.value


def test_a_target_of_only_spaces_is_refused(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    at.text_input(key="target_title").input("    ")
    click(at, "Add target")
    assert rows_in(path, "SELECT count(*) FROM goals") == [(0,)]
    assert "blank" in at.error[0].value


def test_linking_a_person_to_a_target_shows_them_as_a_helper(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    [ana] = seed(path, "Ana Ruiz")
    book = open_workbook(path)
    add_target(book, "role", "Data analyst")
    book.close()
    at = app_on(path, PAGE)
    at.text_input(key="link_person_search").input("ana").run()
    click(at, "Link person")
    assert rows_in(path, "SELECT contact_id FROM contact_goals") == [(ana,)]
    assert any("ask Ana Ruiz" in m.value for m in at.markdown)


def test_the_pitch_is_saved_and_an_empty_one_refused(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    at.text_area(key="pitch_looking").input("   ")
    at.text_area(key="pitch_lately").input(" ")
    click(at, "Save pitch")
    assert rows_in(path, "SELECT count(*) FROM settings") == [(0,)]
    assert "empty" in at.error[0].value
    at.text_area(key="pitch_looking").input("a data analyst role in a hospital")
    at.text_area(key="pitch_lately").input("finished a SQL course")
    click(at, "Save pitch")
    assert dict(rows_in(path, "SELECT key, value FROM settings")) == {
        "pitch.looking_for": "a data analyst role in a hospital",
        "pitch.done_lately": "finished a SQL course",
    }


def test_a_reference_is_marked_then_walked_through_a_step(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    [ref] = seed(path, "Rosa Mensah")
    at = on_tab(app_on(path, PAGE), "Your references")
    at.text_input(key="ref_person_search").input("rosa").run()
    click(at, "Mark as reference")
    assert rows_in(path, "SELECT is_reference FROM contacts") == [(True,)]
    assert at.selectbox(key="ref_step").value == "agreed"  # the next step is preselected
    click(at, "Record step")
    assert rows_in(path, "SELECT contact_id, step, done_on FROM reference_steps") == [(ref, "agreed", date.today())]
    assert at.selectbox(key="ref_step").value == "told_goals"


def test_a_reference_step_dated_in_the_future_saves_nothing(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, "Rosa Mensah")
    at = on_tab(app_on(path, PAGE), "Your references")
    at.text_input(key="ref_person_search").input("rosa").run()
    click(at, "Mark as reference")
    at.date_input(key="ref_date").set_value(date.today() + timedelta(days=5))
    click(at, "Record step")
    assert rows_in(path, "SELECT count(*) FROM reference_steps") == [(0,)]
    assert "future" in at.error[0].value


def test_logging_a_contact_updates_when_you_last_spoke(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, "Kofi Mensah")
    at = on_tab(app_on(path, PAGE), "Outreach log")
    at.text_input(key="log_person_search").input("kofi").run()
    at.date_input(key="log_date").set_value(date.today() - timedelta(days=2))
    at.selectbox(key="log_channel").select("call")
    at.selectbox(key="log_kind").select("catch_up")
    at.text_input(key="log_note").input("Talked about Meridian's data team")
    click(at, "Log it")
    assert rows_in(path, "SELECT kind, channel, note FROM interactions") == [
        ("catch_up", "call", "Talked about Meridian's data team")
    ]
    assert rows_in(path, "SELECT last_contacted_on FROM contacts") == [(date.today() - timedelta(days=2),)]
    assert any("last spoke" in s.value for s in at.success)
    assert at.dataframe  # the log now lists it


def test_an_ask_logged_here_records_what_was_asked_and_the_outcome(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, "Kofi Mensah")
    at = on_tab(app_on(path, PAGE), "Outreach log")
    at.text_input(key="log_person_search").input("kofi").run()
    at.selectbox(key="log_kind").select("ask").run()
    at.selectbox(key="log_request").select("referral")
    at.selectbox(key="log_outcome").select("helped")
    click(at, "Log it")
    assert rows_in(path, "SELECT kind, request_kind, outcome FROM interactions") == [("ask", "referral", "helped")]


def test_a_meeting_dated_in_the_future_or_with_nobody_saves_nothing(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, "Kofi Mensah")
    at = on_tab(app_on(path, PAGE), "Outreach log")
    click(at, "Log it")
    assert "Search for the person" in at.error[0].value
    at.text_input(key="log_person_search").input("kofi").run()
    at.date_input(key="log_date").set_value(date.today() + timedelta(days=1))
    click(at, "Log it")
    assert "future" in at.error[0].value
    assert rows_in(path, "SELECT count(*) FROM interactions") == [(0,)]
    assert rows_in(path, "SELECT last_contacted_on FROM contacts") == [(None,)]


def test_a_target_can_be_removed_without_touching_the_people(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, "Ana Ruiz")
    book = open_workbook(path)
    add_target(book, "role", "Data analyst")
    add_target(book, "employer", "Meridian Hospital")
    book.close()
    at = app_on(path, PAGE)
    [listing] = [m.value for m in at.markdown if m.value.startswith("**Your targets:**")]
    assert "Data analyst" in listing and "Meridian Hospital" in listing
    at.selectbox(key="remove_goal").select(1)
    click(at, "Remove target")
    assert rows_in(path, "SELECT title FROM goals") == [("Meridian Hospital",)]
    assert rows_in(path, "SELECT count(*) FROM contacts") == [(1,)]


def test_markdown_in_a_target_is_shown_literally_not_formatted(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    at.text_input(key="target_title").input("C# developer *senior* $5k")
    click(at, "Add target")
    [listing] = [m.value for m in at.markdown if m.value.startswith("**Your targets:**")]
    assert r"C\# developer \*senior\* \$5k" in listing


def test_help_received_records_what_the_help_was(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, "Kofi Mensah")
    at = on_tab(app_on(path, PAGE), "Outreach log")
    at.text_input(key="log_person_search").input("kofi").run()
    at.selectbox(key="log_kind").select("help_received").run()
    at.selectbox(key="log_request").select("introduction")
    click(at, "Log it")
    assert rows_in(path, "SELECT kind, request_kind, outcome FROM interactions") == [
        ("help_received", "introduction", "")
    ]


def test_a_high_priority_is_not_carried_into_the_next_target(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    at.selectbox(key="target_kind").select("employer")
    at.text_input(key="target_title").input("Meridian Hospital")
    at.selectbox(key="target_priority").select(1)
    click(at, "Add target")
    at.text_input(key="target_title").input("Data analyst in a quality team")
    click(at, "Add target")
    assert rows_in(path, "SELECT kind, title, priority FROM goals ORDER BY id") == [
        ("employer", "Meridian Hospital", 1),
        ("role", "Data analyst in a quality team", 2),
    ]


def test_the_log_form_starts_afresh_after_a_save(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, "Kofi Mensah")
    at = on_tab(app_on(path, PAGE), "Outreach log")
    at.text_input(key="log_person_search").input("kofi").run()
    at.selectbox(key="log_channel").select("call")
    at.selectbox(key="log_kind").select("ask").run()
    at.selectbox(key="log_outcome").select("helped")
    click(at, "Log it")
    assert at.text_input(key="log_person_search").value == ""
    assert at.selectbox(key="log_kind").value == "catch_up"
    click(at, "Log it")  # nobody picked any more: refused, not logged against Kofi again
    assert rows_in(path, "SELECT kind, outcome FROM interactions") == [("ask", "helped")]


def test_the_references_tab_says_who_makes_a_good_reference_once(app_on, tmp_path):
    at = on_tab(app_on(tmp_path / "w.duckdb", PAGE), "Your references")
    texts = [e.value for kind in (at.tabs[1].markdown, at.tabs[1].info) for e in kind]
    assert sum("vouch for your work" in t for t in texts) == 1, texts
    assert any("No references marked yet" in t for t in texts)


def test_only_the_open_tab_is_drawn_and_a_half_filled_log_survives_a_visit_to_another(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, "Kofi Mensah")
    at = on_tab(app_on(path, PAGE), "Outreach log")
    assert not [b for b in at.button if b.label in ("Add target", "Save pitch")]  # the other tabs are not drawn
    at.text_input(key="log_person_search").input("kofi").run()
    at.selectbox(key="log_channel").select("call")
    at.text_input(key="log_note").input("Asked about Meridian's data team").run()
    on_tab(at, "What you want")
    assert not [b for b in at.button if b.label == "Log it"]
    at.text_area(key="pitch_looking").input("a data analyst role in a hospital")
    on_tab(at, "Outreach log")
    assert at.text_input(key="log_note").value == "Asked about Meridian's data team"
    click(at, "Log it")
    assert rows_in(path, "SELECT channel, note FROM interactions") == [("call", "Asked about Meridian's data team")]
    on_tab(at, "What you want")  # the pitch typed before, not yet saved, is still there
    assert at.text_area(key="pitch_looking").value == "a data analyst role in a hospital"
