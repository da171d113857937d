"""Tip 3's page: the ask composer and its live checker, follow-ups owed, and ask outcomes."""

from __future__ import annotations

from datetime import date, timedelta

from core.model import ContactDraft
from store import open_workbook
from store.contacts import add_contact
from store.outreach import add_target, log_outreach, save_pitch
from tests.pages.action_list_support import actions, press, rows, texts
from tests.pages.tab_support import open_tab
from ui.registry import page

PAGE = "build_relationships.py"
TODAY = date.today()
LOOPS = "tip3_loops"  # the open loops, drawn as one list (ui.action_list)


def seed(path, people=(("Sam Costa", "weak", "online"),), target=("employer", "Meridian Hospital"), pitch=True):
    book = open_workbook(path)
    ids = [add_contact(book, ContactDraft(name=n, tie=t, circle=c)) for n, t, c in people]
    if target:
        add_target(book, *target)
    if pitch:
        save_pitch(book, "a data analyst role in a hospital", "finished a SQL course")
    book.close()
    return ids


def rows_in(path, sql):
    import ui.session

    return ui.session._open_local(str(path)).read(sql)


def click(at, label):
    [b for b in at.button if b.label == label][0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_composer(app_on, path, who="sam"):
    at = app_on(path, PAGE)
    at.text_input(key="ask_person_search").input(who).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def on_tab(at, label: str):
    return open_tab(at, "tip3_tab", label)


def flags(at):
    return [w.value for w in at.warning if not w.value.startswith("**Send anyway?**")]


def message(at):
    return at.session_state["ask_text"]


def type_message(at, text):
    """What the live box reports as you type (the browser test drives the box itself)."""
    at.session_state["ask_text"] = text
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_without_a_person_the_composer_says_how_to_start(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb", PAGE)
    assert at.title[0].value == page("relationships").title == "3 · Build relationships"  # the sidebar's title
    assert any("Search for someone to start a draft" in i.value for i in at.info)


def test_a_draft_for_a_busy_professional_goes_straight_to_a_specific_request_with_no_flags(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path)
    at = open_composer(app_on, path)
    assert at.selectbox(key="ask_familiarity_1").value == "professional"  # guessed: a weak tie met online
    draft = message(at)
    assert draft.startswith("Hi Sam,") and "Meridian Hospital" in draft and "finished a SQL course" in draft
    assert "How are you" not in draft
    assert flags(at) == []
    assert any("No flags" in s.value for s in at.success)
    assert at.code[0].value == draft  # the copyable version matches the draft


def test_an_old_colleague_gets_the_catch_up_alone_and_the_ask_once_it_is_logged(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    [sam] = seed(path, people=(("Sam Costa", "weak", "former_jobs"),))
    at = open_composer(app_on, path)
    assert at.selectbox(key=f"ask_familiarity_{sam}").value == "old_colleague"  # a weak tie, still catch up first
    [catch_up] = [c.value for c in at.code]
    assert catch_up.startswith("Hi Sam,") and "How are you" in catch_up
    assert "Meridian" not in catch_up and "advice" not in catch_up.lower()  # no request in it
    assert not [b for b in at.button if b.label == "Save and log this ask"]  # the ask waits
    at.selectbox(key="catch_up_channel").select("call").run()
    click(at, "Log the catch-up")
    assert rows_in(path, "SELECT contact_id, kind, channel FROM interactions") == [(sam, "catch_up", "call")]
    assert any("Catch-up with Sam Costa logged" in s.value for s in at.success)
    assert "good to catch up" in message(at) and "Meridian Hospital" in message(at)
    assert [b for b in at.button if b.label == "Save and log this ask"]


def test_familiarity_chosen_in_the_composer_is_saved_to_the_person_and_changes_the_opening(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    [sam] = seed(path)
    at = open_composer(app_on, path)
    assert "A guess from their circle and tie" in " ".join(c.value for c in at.caption)
    assert "How are you" not in message(at)
    at.selectbox(key=f"ask_familiarity_{sam}").select("friend").run()
    assert rows_in(path, "SELECT familiarity FROM contacts") == [("friend",)]
    assert any("Sam Costa is a friend" in s.value for s in at.success)
    assert any(b.label == "Log the catch-up" for b in at.button)  # a friend: catch up first
    assert "A guess" not in " ".join(c.value for c in at.caption)


def test_the_checker_flags_a_job_ask_as_the_message_is_edited_and_clears_when_fixed(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path)
    at = open_composer(app_on, path)
    type_message(at, "Hi Sam, do you have any openings for me at Meridian Hospital?")
    [flag] = [f for f in flags(at) if "Asks for a job outright" in f]
    assert "Try:" in flag
    type_message(at, "Hi Sam, could you tell me how Meridian Hospital's data team hires, and who I should talk to?")
    assert flags(at) == []
    assert message(at).startswith("Hi Sam, could you")  # the edit is kept


def test_changing_the_channel_to_social_flags_a_long_message(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path)
    at = open_composer(app_on, path)
    type_message(at, "Could you introduce me to someone at Meridian Hospital? " * 8)
    at.selectbox(key="ask_channel").select("email").run()
    assert flags(at) == []
    at.selectbox(key="ask_channel").select("social").run()
    # a new channel writes a fresh, shorter draft that fits
    assert len(message(at)) <= 300
    type_message(at, "Could you introduce me to someone at Meridian Hospital? " * 8)
    assert any("Too long for the channel" in f for f in flags(at))


def test_saving_an_ask_logs_it_pending_with_the_message_and_lists_it(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    [sam] = seed(path)
    at = open_composer(app_on, path)
    at.selectbox(key="ask_kind").select("introduction").run()
    click(at, "Save and log this ask")
    [(contact_id, kind, request, outcome, note, goal)] = rows_in(
        path, "SELECT contact_id, kind, request_kind, outcome, note, goal_id FROM interactions"
    )
    assert (contact_id, kind, request, outcome, goal) == (sam, "ask", "introduction", "pending", 1)
    assert "introduce me" in note
    assert rows_in(path, "SELECT last_contacted_on FROM contacts") == [(TODAY,)]
    assert any("Saved" in s.value for s in at.success)
    on_tab(at, "Your asks")
    assert any("Meridian Hospital" in d.value["Target"].tolist() for d in at.dataframe)


def test_an_empty_message_or_a_future_date_saves_nothing(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path)
    at = open_composer(app_on, path)
    type_message(at, "   ")
    assert any("Nothing to send" in f for f in flags(at))
    click(at, "Save and log this ask")
    assert "empty" in at.error[0].value
    at.session_state["ask_text"] = "Could you introduce me to someone at Meridian Hospital?"
    at.date_input(key="ask_date").set_value(TODAY + timedelta(days=2))
    click(at, "Save and log this ask")
    assert "future" in at.error[0].value
    assert rows_in(path, "SELECT count(*) FROM interactions") == [(0,)]


def test_all_help_is_listed_at_once_with_thank_and_report_buttons(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    [sam, kim] = seed(path, people=(("Sam Costa", "weak", "former_jobs"), ("Kim Lee", "weak", "school")))
    book = open_workbook(path)
    old = log_outreach(
        book, sam, TODAY - timedelta(days=30), "help_received", channel="call", note="a lead", today=TODAY
    )
    new = log_outreach(book, kim, TODAY - timedelta(days=3), "help_received", channel="call", today=TODAY)
    book.close()
    at = on_tab(app_on(path, PAGE), "Thank and report back")
    lines = texts(at, LOOPS)
    assert len(lines) == 2 and "Kim Lee" in lines[0] and "over 14 days" in lines[1]  # newest first, late one flagged
    assert actions(at, LOOPS, old) == {"thank": True, "report": True}
    press(at, LOOPS, old, "thank")
    assert rows_in(path, "SELECT contact_id, kind, channel, help_id FROM interactions WHERE kind = 'thank_you'") == [
        (sam, "thank_you", "call", old)
    ]
    assert actions(at, LOOPS, old) == {"report": True}
    assert f"tip3_loop_{old}_outcome" not in {r.key for r in at.radio}  # a closed report is not drawn
    press(at, LOOPS, old, "report")  # "Told them how it went" opens its form under the row
    at.radio(key=f"tip3_loop_{old}_outcome").set_value("still_looking")
    at.button(key=f"tip3_loop_{old}_report").click().run()
    assert not at.exception
    assert rows_in(path, "SELECT help_id, outcome FROM interactions WHERE kind = 'update'") == [(old, "still_looking")]
    lines = texts(at, LOOPS)
    assert len(lines) == 1 and "Kim Lee" in lines[0]
    assert any("1 of 2 loops closed" in m.value for m in at.markdown)
    assert actions(at, LOOPS, new) == {"thank": True, "report": True}
    assert not at.radio  # the form closed with the save


def test_a_report_form_opened_and_cancelled_saves_nothing(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    [sam, kim] = seed(path, people=(("Sam Costa", "weak", "former_jobs"), ("Kim Lee", "weak", "school")))
    book = open_workbook(path)
    for person in (sam, kim):
        log_outreach(book, person, TODAY - timedelta(days=3), "help_received", channel="call", today=TODAY)
    book.close()
    at = on_tab(app_on(path, PAGE), "Thank and report back")
    first, second = (row["id"] for row in rows(at, LOOPS))
    press(at, LOOPS, first, "report")
    assert [row["id"] for row in rows(at, LOOPS)] == [first, second]  # the form sits between, the list goes on
    assert at.radio[0].label.startswith("How did ")
    press(at, LOOPS, second, "report")  # one form at a time: the other row's
    assert [r.key for r in at.radio] == [f"tip3_loop_{second}_outcome"]
    click(at, "Cancel")
    assert not at.radio
    assert rows_in(path, "SELECT count(*) FROM interactions WHERE kind = 'update'") == [(0,)]


def test_a_shorter_grace_period_is_saved_and_flags_fresh_help_as_late(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    [sam] = seed(path)
    book = open_workbook(path)
    log_outreach(book, sam, TODAY - timedelta(days=3), "help_received", channel="call", today=TODAY)
    book.close()
    at = on_tab(app_on(path, PAGE), "Thank and report back")
    assert not [line for line in texts(at, LOOPS) if "over 2 days" in line]
    at.number_input(key="fu_days").set_value(2).run()
    assert rows_in(path, "SELECT value FROM settings WHERE key = 'follow_up_days'") == [("2",)]
    assert [line for line in texts(at, LOOPS) if "over 2 days" in line]


def test_an_asks_outcome_is_recorded(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path)
    at = open_composer(app_on, path)
    click(at, "Save and log this ask")
    on_tab(at, "Your asks")
    at.selectbox(key="outcome_value").select("helped")
    click(at, "Save outcome")
    assert rows_in(path, "SELECT outcome FROM interactions") == [("helped",)]
    assert any("thank them and tell them how it went" in s.value for s in at.success)


def test_an_edited_message_survives_the_server_reloading_its_modules(app_on, tmp_path):
    import importlib

    import core.asks

    path = tmp_path / "w.duckdb"
    seed(path)
    at = open_composer(app_on, path)
    edited = "Hi Sam, could you tell me how Meridian Hospital's data team hires?"
    type_message(at, edited)
    importlib.reload(core.asks)  # what Streamlit does when a source file changes on disk
    at.run()
    assert message(at) == edited


def test_a_flag_quoting_the_target_shows_it_literally_not_formatted(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, target=("role", "C# *senior* dev"))
    at = open_composer(app_on, path)
    type_message(at, "Hi Sam, could you spare 20 minutes for a call?")
    [flag] = [f for f in flags(at) if f.startswith("**No goal**")]
    assert r"C\# \*senior\* dev" in flag and "*senior*" not in flag


def test_a_vague_ask_is_flagged_and_one_click_puts_the_rewrite_in(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path)
    at = open_composer(app_on, path)
    type_message(at, "Hi Sam, anything would do. I finished a SQL course.")
    [flag] = [f for f in flags(at) if "Too generic" in f]
    assert "anything would do" in flag
    click(at, "Use this rewrite (too generic)")
    assert message(at) == (
        "Hi Sam, I'm aiming for Meridian Hospital. Do you know anyone there I could ask about how they hire? "
        "I finished a SQL course."
    )
    assert flags(at) == [] and any("No flags" in s.value for s in at.success)


def test_a_flagged_ask_is_saved_only_after_send_anyway(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path)
    at = open_composer(app_on, path)
    vague = "Hi Sam, I'm not picky: anything in healthcare. Could we talk about Meridian Hospital?"
    type_message(at, vague)
    click(at, "Save and log this ask")
    assert rows_in(path, "SELECT count(*) FROM interactions") == [(0,)]
    [second_look] = [w.value for w in at.warning if w.value.startswith("**Send anyway?**")]
    assert "1 thing" in second_look
    assert not [b for b in at.button if b.label == "Save and log this ask"]  # one way on: send anyway, or edit
    click(at, "Keep editing")
    assert not [b for b in at.button if b.label == "Send anyway"]
    click(at, "Save and log this ask")
    click(at, "Send anyway")
    assert rows_in(path, "SELECT kind, note FROM interactions") == [("ask", vague)]
    assert any("Saved" in s.value for s in at.success)


def test_a_second_look_is_dropped_when_the_text_changes(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path)
    at = open_composer(app_on, path)
    type_message(at, "Hi Sam, any leads? Meridian Hospital is my aim.")
    click(at, "Save and log this ask")
    assert [b for b in at.button if b.label == "Send anyway"]
    type_message(at, "Hi Sam, could you introduce me to someone on the data team at Meridian Hospital?")
    assert not [b for b in at.button if b.label == "Send anyway"]
    click(at, "Save and log this ask")  # clean: saved at once
    assert rows_in(path, "SELECT count(*) FROM interactions") == [(1,)]


def test_only_the_open_tab_is_drawn_and_the_composer_keeps_its_choices_across_a_visit(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path)
    at = open_composer(app_on, path)
    at.selectbox(key="ask_kind").select("introduction").run()
    type_message(at, "Could you introduce me to someone on Meridian Hospital's data team?")
    assert not at.dataframe and not at.number_input  # the log and the follow-through tab are not drawn
    on_tab(at, "Your asks")
    assert not [b for b in at.button if b.label == "Save and log this ask"]
    on_tab(at, "Thank and report back")
    on_tab(at, "Compose an ask")
    assert at.text_input(key="ask_person_search").value == "sam"
    assert at.selectbox(key="ask_kind").value == "introduction"
    assert message(at) == "Could you introduce me to someone on Meridian Hospital's data team?"
    click(at, "Save and log this ask")
    assert rows_in(path, "SELECT request_kind, note FROM interactions") == [
        ("introduction", "Could you introduce me to someone on Meridian Hospital's data team?")
    ]
