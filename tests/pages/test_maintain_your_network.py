"""Tip 6's page: every form saves what it should, and refuses bad input with one clear line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.model import ContactDraft
from store import open_workbook
from store.contacts import add_contact
from store.interactions import log_interaction
from store.maintenance import set_key_contact
from tests.markdown_support import table_cells
from tests.pages.action_list_support import actions, press, rows, texts
from tests.pages.tab_support import open_tab

PAGE = "maintain_your_network.py"
NEXT, PLAN, CARD, BALANCE = "Who to contact next", "Weekly schedule", "A person's card", "Give and take"
LOG, NOTES, GIVEN = "Log a contact", "Key contact and notes", "Given and received"  # the parts of a card
TODAY = date.today()


def make_book(path, *names: str) -> list[int]:
    book = open_workbook(path)
    ids = [add_contact(book, ContactDraft(name=name, company="Acme")) for name in names]
    book.close()
    return ids


def read(path, sql: str):
    import ui.session

    return ui.session._open_local(str(path)).read(sql)


def click(at, label: str):
    [b for b in at.button if b.label == label][0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def on_tab(at, label: str):
    return open_tab(at, "tip6_tab", label)


def on_part(at, label: str):
    return open_tab(at, "card_part", label)


def open_card(at, name: str, part: str | None = None):
    """Search for ``name`` on the card's tab; ``part`` opens that part of the card (it opens on logging a contact)."""
    if at.session_state["tip6_tab"] != CARD:
        on_tab(at, CARD)
    at.text_input(key="card_search").input(name).run()
    return on_part(at, part) if part else at


def messages(at, kind: str) -> str:
    """The text of all messages of a kind, as the user reads it (markdown escapes removed)."""
    return " ".join(m.value for m in getattr(at, kind)).replace("\\", "")


def test_an_empty_workbook_points_to_tip_one_first(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb", PAGE)
    assert not at.exception
    assert "Start with tip 1" in messages(at, "info")
    on_tab(at, PLAN)
    assert "Nothing planned yet" in " ".join(m.value for m in at.markdown)


def test_people_with_nothing_pressing_leave_the_list_empty_with_a_hint(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    (ana,) = make_book(path, "Ana Costa")
    book = open_workbook(path)
    log_interaction(book, ana, TODAY, "catch_up", today=TODAY)
    book.close()
    at = app_on(path, PAGE)
    assert "Nobody needs you yet" in messages(at, "info")


def test_marking_a_key_contact_saves_their_cadence(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa")
    at = open_card(app_on(path, PAGE), "ana", NOTES)
    at.toggle(key="card_is_key").set_value(True)
    at.selectbox(key="card_cadence").select("Every 2 weeks").run()
    assert "Unsaved changes: key contact, how often." in messages(at, "warning")
    click(at, "Save the card")
    assert read(path, "SELECT is_key, cadence_days FROM contacts") == [(True, 14)]
    assert "Saved Ana Costa's card (key contact, how often)." in messages(at, "success")
    assert "Unsaved changes" not in messages(at, "warning")


@pytest.mark.parametrize("days", [0, -5])
def test_a_cadence_of_zero_or_negative_days_is_refused_and_nothing_is_saved(app_on, tmp_path, days):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa")
    at = open_card(app_on(path, PAGE), "ana", NOTES)
    at.toggle(key="card_is_key").set_value(True)
    at.selectbox(key="card_cadence").select("Another number of days").run()
    at.number_input(key="card_days").set_value(days)
    click(at, "Save the card")
    assert read(path, "SELECT is_key, cadence_days FROM contacts") == [(False, None)]
    assert "at least 1 day" in messages(at, "error") and "Nothing was saved" in messages(at, "error")


def test_notes_on_a_person_are_saved_and_suggest_ways_to_give_back(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa")
    at = open_card(app_on(path, PAGE), "ana", NOTES)
    at.text_area(key="card_interests").input("jazz, cycling")
    at.text_area(key="card_needs").input("hiring a designer")
    click(at, "Save the card")
    assert read(path, "SELECT interests, needs FROM contacts") == [("jazz, cycling", "hiring a designer")]
    ideas = messages(on_part(at, GIVEN), "markdown")
    assert "Refer someone good for it: hiring a designer" in ideas
    assert "Send an article, event or resource about jazz" in ideas


def test_typed_notes_survive_other_parts_of_the_card_and_leaving_it_until_saved(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa", "Bo Chen")
    at = open_card(app_on(path, PAGE), "ana", NOTES)
    at.text_area(key="card_interests").input("jazz").run()
    on_part(at, LOG)
    assert "Unsaved changes: interests. Open “Key contact and notes” to save them." in messages(at, "warning")
    click(at, "Log it")  # another part's button: the typed note stays, and says it is not saved
    assert "Unsaved changes: interests. Open" in messages(at, "warning")
    assert read(path, "SELECT interests, last_contacted_on FROM contacts WHERE name = 'Ana Costa'") == [("", TODAY)]
    on_part(at, NOTES)
    assert at.text_area(key="card_interests").value == "jazz"
    assert "Unsaved changes: interests. Save the card to keep them." in messages(at, "warning")
    open_card(at, "bo")  # leave for someone else's card
    assert "Unsaved changes on the card of Ana Costa" in messages(at, "warning")
    open_card(at, "ana")  # come back: the typed text is still there
    assert at.text_area(key="card_interests").value == "jazz"
    click(at, "Save the card")
    assert read(path, "SELECT interests FROM contacts WHERE name = 'Ana Costa'") == [("jazz",)]
    assert "Unsaved changes" not in messages(at, "warning")


def test_typed_notes_survive_a_visit_to_another_tab_of_the_page(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa")
    at = open_card(app_on(path, PAGE), "ana", NOTES)
    at.text_area(key="card_job_notes").input("Moving to the data team").run()
    on_tab(at, BALANCE)  # the card is not drawn meanwhile
    on_tab(at, CARD)
    assert "Unsaved changes: job. Open" in messages(at, "warning")  # it comes back on logging a contact
    on_part(at, NOTES)
    assert at.text_area(key="card_job_notes").value == "Moving to the data team"
    click(at, "Save the card")
    assert read(path, "SELECT job_notes FROM contacts") == [("Moving to the data team",)]


def test_a_field_changed_in_another_tab_is_not_overwritten_by_the_card(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    (ana,) = make_book(path, "Ana Costa")
    at = open_card(app_on(path, PAGE), "ana", NOTES)
    import ui.session
    from store.contacts import update_contact

    update_contact(ui.session._open_local(str(path)), ana, needs="a mentor")  # saved elsewhere meanwhile
    at.text_area(key="card_needs").input("hiring a designer")
    click(at, "Save the card")
    assert read(path, "SELECT needs FROM contacts") == [("a mentor",)]
    assert "changed since you opened them" in messages(at, "error") and "Nothing was saved" in messages(at, "error")
    assert at.text_area(key="card_needs").value == "a mentor"  # the form shows what is saved


def test_the_reconnect_list_is_set_on_the_card_and_feeds_who_to_contact_next(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    (ana,) = make_book(path, "Ana Costa")
    book = open_workbook(path)
    log_interaction(book, ana, TODAY - timedelta(days=2), "catch_up", today=TODAY)  # recently in touch
    book.close()
    at = open_card(app_on(path, PAGE), "ana", NOTES)
    at.selectbox(key="card_reconnect").select("value_view").run()
    at.radio(key="card_reconnect_priority").set_value(1)
    click(at, "Save the card")
    assert read(path, "SELECT reconnect, reconnect_priority FROM contacts") == [("value_view", 1)]
    on_tab(at, NEXT)
    (ranked,) = texts(at, "next")
    assert ranked.startswith("1. Ana Costa (score 30)")
    assert "On your reconnect list: value their view (high priority)" in ranked
    assert not at.dataframe  # the reconnect list is drawn only when opened
    at.session_state["reconnect_open"] = True
    at.run()
    table = next(d.value for d in at.dataframe if "Your priority" in d.value.columns)
    assert table.to_dict("records")[0]["Who"] == "Ana Costa" and table.to_dict("records")[0]["Your priority"] == "High"


def test_people_met_today_sit_in_their_own_section_and_scores_run_high_to_low(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ana, bo, cy = make_book(path, "Ana Costa", "Bo Chen", "Cy Diaz")
    book = open_workbook(path)
    set_key_contact(book, ana, 14)  # never contacted: a high score, but met today below
    log_interaction(book, ana, TODAY, "catch_up", today=TODAY)
    log_interaction(book, bo, TODAY - timedelta(days=400), "catch_up", today=TODAY)
    book.close()
    at = app_on(path, PAGE)
    assert [row["title"] for row in rows(at, "next")] == ["1. Cy Diaz", "2. Bo Chen"]
    assert "**In touch today** (1)" in messages(at, "markdown")
    assert [row["title"] for row in rows(at, "rested")] == ["1. Ana Costa"]
    assert "rest here until tomorrow" in messages(at, "caption")


def test_help_is_thanked_and_reported_from_the_card(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    (ana,) = make_book(path, "Ana Costa")
    book = open_workbook(path)
    helped = log_interaction(book, ana, TODAY, "help_received", today=TODAY)
    book.close()
    at = open_card(app_on(path, PAGE), "ana")
    (loop,) = texts(at, "card_loops")
    assert "not yet thanked, nor told how it went" in loop
    press(at, "card_loops", helped, "thank")
    press(at, "card_loops", helped, "report")  # "Told them how it went" opens its form
    at.radio(key=f"card_loop_{helped}_outcome").set_value("job")
    at.button(key=f"card_loop_{helped}_report").click().run()
    assert not at.exception
    assert read(path, "SELECT kind, help_id, outcome FROM interactions WHERE help_id IS NOT NULL ORDER BY id") == [
        ("thank_you", helped, ""),
        ("update", helped, "job"),
    ]
    assert "the loop is closed" in messages(at, "success")
    assert not rows(at, "card_loops")


def test_recording_what_you_received_changes_the_balance(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa")
    at = open_card(app_on(path, PAGE), "ana", GIVEN)
    at.radio(key="card_direction").set_value("received")
    at.selectbox(key="card_ledger_kind").select("referral").run()
    assert at.number_input(key="card_weight").value == 5  # the kind's visible default weight
    at.text_input(key="card_ledger_note").input("Referred me to Acme")
    click(at, "Record")
    assert read(path, "SELECT direction, kind, weight, note FROM ledger") == [
        ("received", "referral", 5, "Referred me to Acme")
    ]
    assert "You owe them (-5)" in " ".join(m.value for m in at.markdown)
    on_part(at, LOG)
    assert "Give and take: you owe them (-5)." in messages(at, "caption")  # above every part of the card


@pytest.mark.parametrize("weight", [0, 6])
def test_a_ledger_weight_out_of_range_is_refused_and_nothing_is_saved(app_on, tmp_path, weight):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa")
    at = open_card(app_on(path, PAGE), "ana", GIVEN)
    at.number_input(key="card_weight").set_value(weight)
    click(at, "Record")
    assert read(path, "SELECT count(*) FROM ledger") == [(0,)]
    assert "from 1 (small) to 5 (large)" in messages(at, "error")


def test_logging_a_contact_on_the_card_moves_last_contact_forward(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa")
    at = open_card(app_on(path, PAGE), "ana")
    at.selectbox(key="card_log_kind").select("catch_up")
    click(at, "Log it")
    assert read(path, "SELECT last_contacted_on FROM contacts") == [(TODAY,)]
    assert "Logged: catch-up with Ana Costa" in messages(at, "success")


def test_the_cards_recent_contact_lists_a_new_log_first_and_notes_as_typed(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    (ana,) = make_book(path, "Ana Costa")
    book = open_workbook(path)
    log_interaction(book, ana, TODAY - timedelta(days=3), "ask", channel="email", note="**Lunch** | *Acme*\nnext week")
    book.close()
    at = open_card(app_on(path, PAGE), "ana")
    at.selectbox(key="card_log_kind").select("catch_up")
    at.selectbox(key="card_log_channel").select("call")
    click(at, "Log it")

    assert read(path, "SELECT happened_on, kind, channel FROM interactions ORDER BY id") == [
        (TODAY - timedelta(days=3), "ask", "email"),
        (TODAY, "catch_up", "call"),
    ]
    (table,) = [m.value for m in at.markdown if m.value.startswith("**Recent contact**")]
    assert table_cells(table) == [
        ["When", "What", "How", "Note"],
        [f"{TODAY:%d %b %Y}", "Catch-up", "Call", ""],
        [f"{TODAY - timedelta(days=3):%d %b %Y}", "Ask", "Email", "**Lunch** | *Acme* next week"],
    ]


def test_the_counts_at_the_top_follow_a_contact_logged_on_the_card(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    (ana,) = make_book(path, "Ana Costa")
    book = open_workbook(path)
    set_key_contact(book, ana, 14)
    log_interaction(book, ana, TODAY - timedelta(days=40), "catch_up", today=TODAY)
    book.close()
    at = open_card(app_on(path, PAGE), "ana")

    def top_line() -> str:
        return next(m.value for m in at.markdown if " overdue · " in m.value)

    assert top_line().startswith("**1** key contact · **1** overdue")
    click(at, "Log it")
    assert top_line().startswith("**1** key contact · **0** overdue")  # on the card's tab, which ranks nobody


def test_the_weekly_capacity_is_saved_and_a_capacity_of_zero_is_refused(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa")
    at = on_tab(app_on(path, PAGE), PLAN)
    assert at.number_input(key="capacity").value == 5
    at.number_input(key="capacity").set_value(0)
    click(at, "Save capacity")
    assert read(path, "SELECT count(*) FROM settings WHERE key = 'weekly_capacity'") == [(0,)]
    assert "between 1 and 50" in messages(at, "error")
    at.number_input(key="capacity").set_value(7)
    click(at, "Save capacity")
    assert read(path, "SELECT value FROM settings WHERE key = 'weekly_capacity'") == [("7",)]


def test_getting_in_touch_moves_a_person_down_the_list(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ana, bo = make_book(path, "Ana Costa", "Bo Chen")
    book = open_workbook(path)
    for person, days_ago in ((ana, 60), (bo, 30)):
        set_key_contact(book, person, 14)
        log_interaction(book, person, TODAY - timedelta(days=days_ago), "catch_up", today=TODAY)
    book.close()
    at = app_on(path, PAGE)
    assert [row["title"] for row in rows(at, "next")] == ["1. Ana Costa", "2. Bo Chen"]
    press(at, "next", ana, "got_in_touch")
    assert [row["title"] for row in rows(at, "next")] == ["1. Bo Chen"]
    assert "**In touch today** (1)" in messages(at, "markdown")  # her own section, which says so
    assert [row["title"] for row in rows(at, "rested")] == ["1. Ana Costa"]
    assert actions(at, "rested", ana) == {"got_in_touch": False, "open_card": True}


def test_the_schedule_lists_this_week_and_offers_the_calendar_file(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    (ana,) = make_book(path, "Ana Costa")
    book = open_workbook(path)
    set_key_contact(book, ana, 30)
    book.close()
    at = on_tab(app_on(path, PAGE), PLAN)
    assert "This week: 1 person (1 key contact) of a capacity of 5" in " ".join(m.value for m in at.markdown)
    this_week = [d.value for d in at.dataframe if "Who" in d.value.columns]
    assert list(this_week[0]["Who"]) == ["Ana Costa"]
    (calendar,) = [d for d in at.get("download_button") if "calendar" in d.proto.label]
    # The file names your key contacts: made on click, and the click must not rerun the page (a
    # rerun then raced the making of the file, and the download sometimes never came).
    assert calendar.proto.deferred_file_id and calendar.proto.ignore_rerun


def test_a_name_full_of_markdown_is_shown_as_typed(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    (zed,) = make_book(path, "*Zed* [site](http://example.org) :red[x]")
    book = open_workbook(path)
    set_key_contact(book, zed, 14)
    book.close()
    at = app_on(path, PAGE)
    (row,) = rows(at, "next")
    assert row["title"] == "1. *Zed* [site](http://example.org) :red[x]"  # set as text in the browser, not read


def test_before_a_search_the_card_tab_lists_key_contacts_by_when_they_are_due(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ana, bo = make_book(path, "Ana Costa", "Bo Chen")
    book = open_workbook(path)
    set_key_contact(book, ana, 30)
    set_key_contact(book, bo, 14)
    log_interaction(book, ana, TODAY - timedelta(days=3), "catch_up", today=TODAY)
    book.close()
    at = on_tab(app_on(path, PAGE), CARD)
    (table,) = [d.value for d in at.dataframe if "How often" in d.value.columns]
    assert list(table["Who"]) == ["Bo Chen", "Ana Costa"]
    assert list(table["Next due"]) == ["today", f"{TODAY + timedelta(days=27):%d %b %Y}"]
    assert list(table["How often"]) == ["every 2 weeks", "monthly"]


def test_the_give_and_take_chart_follows_each_new_entry(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa", "Bo Chen")
    at = on_tab(app_on(path, PAGE), BALANCE)
    assert not [c for c in at.get("vega_lite_chart") if "Give and take" in c.proto.spec]
    open_card(at, "ana", GIVEN)
    at.radio(key="card_direction").set_value("received")
    at.number_input(key="card_weight").set_value(3)
    click(at, "Record")
    on_tab(at, BALANCE)
    (chart,) = [c.proto.spec for c in at.get("vega_lite_chart") if "Give and take" in c.proto.spec]
    assert '"sort": ["Ana Costa"]' in chart  # the bars, most owed by you first
    open_card(at, "bo", GIVEN)
    at.number_input(key="card_weight").set_value(2)
    click(at, "Record")
    on_tab(at, BALANCE)
    (chart,) = [c.proto.spec for c in at.get("vega_lite_chart") if "Give and take" in c.proto.spec]
    assert '"sort": ["Ana Costa", "Bo Chen"]' in chart


def test_a_ledger_entry_made_by_mistake_can_be_removed(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa")
    at = open_card(app_on(path, PAGE), "ana", GIVEN)
    assert not [b for b in at.button if b.label == "Remove entry"]  # nothing to remove yet
    click(at, "Record")
    assert read(path, "SELECT count(*) FROM ledger") == [(1,)]
    click(at, "Remove entry")
    assert "Choose the entry to remove first" in messages(at, "error")
    assert read(path, "SELECT count(*) FROM ledger") == [(1,)]
    ((entry_id,),) = read(path, "SELECT id FROM ledger")
    at.selectbox(key="card_remove_pick").set_value(entry_id).run()
    assert at.selectbox(key="card_remove_pick").value == entry_id  # the choice stays for the click
    click(at, "Remove entry")
    assert read(path, "SELECT count(*) FROM ledger") == [(0,)]
    assert "Removed the entry" in messages(at, "success")


def test_open_card_from_the_list_shows_that_persons_card(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ana, twin = make_book(path, "Ana Costa", "Ana Costa")
    book = open_workbook(path)
    set_key_contact(book, twin, 14)
    book.close()
    at = app_on(path, PAGE)
    press(at, "next", twin, "open_card")
    assert at.text_input(key="card_search").value == "Ana Costa"
    assert at.selectbox(key="card_pick").value == twin
    assert "next due today (every 2 weeks)" in messages(at, "caption")  # the key contact, not her namesake
    assert at.session_state["tip6_tab"] == "A person's card"


def test_a_new_search_after_opening_a_card_finds_only_what_was_typed(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ana, bo = make_book(path, "Ana Costa", "Bo Chen")
    book = open_workbook(path)
    set_key_contact(book, ana, 14)
    book.close()
    at = app_on(path, PAGE)
    press(at, "next", ana, "open_card")
    at.text_input(key="card_search").input("bo").run()
    assert at.selectbox(key="card_pick").options == ["Bo Chen · Acme"]
    assert any(h.value == "### Bo Chen\nAcme · Friends · Weak tie" for h in at.markdown)


def test_only_the_open_tab_is_drawn_and_what_was_set_in_another_survives_a_visit_elsewhere(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    (ana,) = make_book(path, "Ana Costa")
    at = on_tab(app_on(path, PAGE), PLAN)
    at.slider(key="plan_weeks").set_value(8).run()
    open_card(at, "ana")
    assert not [s for s in at.slider if s.key == "plan_weeks"]  # the schedule's tab is not drawn meanwhile
    assert not [b for b in at.button if b.label == "Save capacity"]
    on_tab(at, NEXT)
    on_tab(at, PLAN)
    assert at.slider(key="plan_weeks").value == 8
    on_tab(at, CARD)
    assert at.text_input(key="card_search").value == "ana" and at.selectbox(key="card_pick").value == ana


def test_who_to_contact_next_lists_five_and_shows_five_more_on_request(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    names = [f"Person {n:02d}" for n in range(1, 13)]
    ids = make_book(path, *names)
    book = open_workbook(path)
    for person in ids:
        set_key_contact(book, person, 14)  # never contacted: every one of them is due
    book.close()
    at = app_on(path, PAGE)

    def listed() -> int:
        return len(rows(at, "next"))

    assert listed() == 5
    assert "12 people to contact next; the top 5" in messages(at, "caption")
    click(at, "Show 5 more")
    assert listed() == 10
    click(at, "Show 5 more")
    assert listed() == 12
    assert not [b for b in at.button if b.label == "Show 5 more"]  # nobody left to show


def test_a_card_draws_one_part_at_a_time_and_keeps_what_was_chosen_in_the_others(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_book(path, "Ana Costa")
    at = open_card(app_on(path, PAGE), "ana")

    def buttons() -> set[str]:
        return {b.label for b in at.button}

    assert "Log it" in buttons() and not {"Save the card", "Record"} & buttons()  # it opens on logging a contact
    at.selectbox(key="card_log_kind").select("help_received").run()
    on_part(at, NOTES)
    assert "Save the card" in buttons() and not {"Log it", "Record"} & buttons()
    on_part(at, GIVEN)
    assert "Record" in buttons() and not {"Log it", "Save the card"} & buttons()
    on_part(at, LOG)
    assert at.selectbox(key="card_log_kind").value == "help_received"
    click(at, "Log it")
    assert read(path, "SELECT kind FROM interactions") == [("help_received",)]
