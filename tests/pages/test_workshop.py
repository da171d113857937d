"""The workshop pages with several sessions at once: one facilitator and participants in shared mode,
each with a private workbook, meeting only in the server's room store."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from core.model import ContactDraft
from store.contacts import add_contact
from store.ratings import save_rating
from store.rooms import count_joined, open_room, room_shares
from tests.conftest import APP
from tests.pages.chart_support import chart_design
from ui.text import literal

TODAY = date.today()


@pytest.fixture(autouse=True)
def shared_mode(monkeypatch):
    import ui.rooms

    monkeypatch.setenv("WORKBOOK_MODE", "shared")
    yield
    ui.rooms.room_store.clear()


def store():
    import ui.rooms

    return ui.rooms.room_store()


def open_app(page: str, token: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if token:  # the private workbook a browser's cookie would bring back
        at.session_state["_visitor_token"] = token
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(f"pages/{page}")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at: AppTest, label: str) -> AppTest:
    [button] = [b for b in at.button if b.label == label]
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def param(at: AppTest, name: str) -> str:
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value


def open_room_as_facilitator() -> tuple[AppTest, str, str]:
    facilitator = click(open_app("facilitator.py"), "Open a room")
    code = param(facilitator, "room")
    assert "key" not in facilitator.query_params  # the projected address bar shows no secret
    return facilitator, code, facilitator.session_state["_facilitator_keys"][code]


def participant_with(yes: int, strong: int, weak: int, **params: str) -> AppTest:
    """A participant whose private workbook holds a rating with ``yes`` yes-answers and some ties."""
    import ui.session

    claim = ui.session.private_workbooks().claim(None)
    token, workbook = claim.token, claim.workbook
    for n in range(strong + weak):
        add_contact(
            workbook,
            ContactDraft(
                name=f"Ottoline Vexworth {n}", email=f"ov{n}@vex.example", tie="strong" if n < strong else "weak"
            ),
        )
    answers = dict(zip(["truth", "challenge", "vibrant", "future", "strong_links"], [True] * yes + [False] * (5 - yes)))
    save_rating(workbook, answers, TODAY, today=TODAY)
    return open_app("workshop.py", token=token, **params)


def join_and_share(participant: AppTest, code: str, nickname: str = "") -> AppTest:
    participant.text_input(key="ws_code").input(code)
    participant.text_input(key="ws_nickname").input(nickname)
    click(participant, "Join the room")
    participant.toggle(key="ws_consent").set_value(True).run()
    assert not participant.exception
    return participant


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def charts(at: AppTest) -> list:
    return at.get("vega_lite_chart")


def chart_rows(at: AppTest) -> list[list[bytes]]:
    """Each chart's datasets, as the browser gets them."""
    return [[dataset.data.data for dataset in chart.proto.datasets] for chart in charts(at)]


def test_a_facilitator_opens_a_room_and_sees_its_code_link_and_secret_link():
    facilitator, code, key = open_room_as_facilitator()
    assert [t.value for t in facilitator.title] == ["Facilitate a workshop", code]
    links = [c.value for c in facilitator.code]
    assert f"workshop?room={code}" in links
    assert f"facilitator?room={code}&key={key}" in links
    assert metrics(facilitator) == {"Joined": "0", "Shared their figures": "0", "Took the rating": "–"}


def test_a_participant_joins_from_the_link_and_shares_nothing_until_they_say_so():
    facilitator, code, _ = open_room_as_facilitator()
    participant = participant_with(3, 1, 2, room=code)
    assert participant.text_input(key="ws_code").value == code
    participant.text_input(key="ws_nickname").input("Sam")
    click(participant, "Join the room")
    assert any(f"You are in room **{code}** as **Sam**" in s.value for s in participant.success)
    assert participant.toggle(key="ws_consent").value is False
    assert room_shares(store(), code) == []
    preview = " ".join(m.value for m in participant.markdown)
    assert "3 of 5" in preview and "**How many weak ties you have listed:** 2" in preview
    facilitator.run()
    assert metrics(facilitator)["Joined"] == "1" and metrics(facilitator)["Shared their figures"] == "0"


def test_the_dashboard_shows_nothing_item_level_until_three_have_shared():
    facilitator, code, _ = open_room_as_facilitator()
    people = [participant_with(yes, 2, 3) for yes in (1, 4, 5)]
    for person in people[:2]:
        join_and_share(person, code)
    facilitator.run()
    assert metrics(facilitator)["Shared their figures"] == "2"
    assert charts(facilitator) == []
    assert any("Figures appear once 3 people have shared" in i.value for i in facilitator.info)
    join_and_share(people[2], code)
    facilitator.run()
    assert metrics(facilitator)["Shared their figures"] == "3"
    assert len(charts(facilitator)) == 4
    reading = " ".join(m.value for m in facilitator.markdown)
    assert "3 joined, 3 shared." in reading and "Ties: 6 strong, 9 weak." in reading
    designs, rows = [chart_design(c) for c in charts(facilitator)], chart_rows(facilitator)
    join_and_share(participant_with(2, 5, 1), code)
    facilitator.run()
    assert "4 joined, 4 shared." in " ".join(m.value for m in facilitator.markdown)
    # The figures change, the charts' designs do not: the wall's browser redraws their rows in place.
    assert all(new != old for new, old in zip(chart_rows(facilitator), rows, strict=True))
    assert [chart_design(c) for c in charts(facilitator)] == designs
    assert all(alt for _, alt in designs)


def test_stopping_sharing_takes_the_figures_out_of_the_room():
    _, code, _ = open_room_as_facilitator()
    participant = join_and_share(participant_with(2, 1, 1), code)
    assert len(room_shares(store(), code)) == 1
    click(participant, "Stop sharing")
    assert room_shares(store(), code) == []
    assert participant.toggle(key="ws_consent").value is False
    assert any("You stopped sharing" in i.value for i in participant.info)


def test_leaving_the_room_removes_the_participant():
    _, code, _ = open_room_as_facilitator()
    participant = join_and_share(participant_with(2, 1, 1), code)
    click(participant, "Leave the room")
    assert count_joined(store(), code) == 0 and room_shares(store(), code) == []
    assert participant.text_input(key="ws_code")  # back to the join form


def test_a_wrong_code_gets_a_clear_message_and_joins_nothing():
    open_room_as_facilitator()
    participant = open_app("workshop.py")
    participant.text_input(key="ws_code").input("ZZZZZZ")
    click(participant, "Join the room")
    assert [e.value for e in participant.error] == [
        literal(
            "No open room has the code ZZZZZZ; check it with your facilitator (rooms close after a set time). "
            "Nothing was saved."
        )
    ]
    assert "ws_consent" not in participant.session_state


def test_a_link_to_an_expired_room_says_it_has_closed():
    past = datetime.now(UTC).replace(tzinfo=None) - timedelta(hours=3)
    code, _ = open_room(store(), timedelta(hours=1), now=past)
    participant = open_app("workshop.py", room=code)
    assert any(f"Room {code} closed at" in e.value for e in participant.error)


def test_the_facilitator_view_without_its_key_shows_one_line_and_nothing_else():
    _, code, _ = open_room_as_facilitator()
    stranger = open_app("facilitator.py", room=code)
    assert [e.value for e in stranger.error] == [
        literal(
            f"The facilitator view of room {code} needs its secret key: "
            "open the facilitator link you got when you opened the room."
        )
    ]
    assert not stranger.metric and not stranger.tabs and not stranger.code


def test_the_facilitator_view_with_a_wrong_key_shows_one_line_and_nothing_else():
    _, code, key = open_room_as_facilitator()
    stranger = open_app("facilitator.py", room=code, key=key[:-1] + ("A" if key[-1] != "A" else "B"))
    assert [e.value for e in stranger.error] == [
        literal(f"That key does not open room {code}; use the facilitator link you got when you opened it.")
    ]
    assert not stranger.metric and not stranger.tabs


def test_the_facilitator_view_of_an_expired_room_shows_one_line():
    past = datetime.now(UTC).replace(tzinfo=None) - timedelta(hours=3)
    code, key = open_room(store(), timedelta(hours=1), now=past)
    facilitator = open_app("facilitator.py", room=code, key=key)
    assert len(facilitator.error) == 1 and f"Room {code} closed at" in facilitator.error[0].value
    assert not facilitator.metric


def test_the_agenda_paces_the_room_and_participants_see_the_current_tip():
    facilitator, code, _ = open_room_as_facilitator()
    participant = join_and_share(participant_with(3, 1, 1), code)
    click(facilitator, "Start the agenda")
    assert "## Tip 1 of 6 · Know your network" in [m.value for m in facilitator.markdown]
    click(facilitator, "Next tip")
    assert "## Tip 2 of 6 · Reach out" in [m.value for m in facilitator.markdown]
    assert metrics(facilitator)["Time left"] == "10:00"
    participant.run()
    assert any("The room is on tip 2: Reach out." in i.value for i in participant.info)


def test_closing_the_room_removes_it_for_everyone():
    facilitator, code, _ = open_room_as_facilitator()
    participant = join_and_share(participant_with(3, 1, 1), code)
    click(facilitator, "Close the room now")
    assert any(f"Room {code} is closed" in i.value for i in facilitator.info)
    assert store().dump()["rooms"] == [] and store().dump()["shares"] == []
    participant.run()
    assert any(f"No open room has the code {code}" in e.value for e in participant.error)


def test_a_bad_nickname_is_refused_and_nobody_joins():
    _, code, _ = open_room_as_facilitator()
    participant = open_app("workshop.py", room=code)
    participant.text_input(key="ws_nickname").input("\x07bell")
    click(participant, "Join the room")
    assert any("only plain text" in e.value for e in participant.error)
    assert count_joined(store(), code) == 0


def test_a_reloaded_phone_is_still_in_the_room_and_still_sharing():
    _, code, _ = open_room_as_facilitator()
    participant = join_and_share(participant_with(4, 1, 1), code, "Ren")
    reloaded = open_app(
        "workshop.py", room=code, seat=param(participant, "seat"), token=participant.session_state["_visitor_token"]
    )
    assert any(f"You are in room **{code}** as **Ren**" in s.value for s in reloaded.success)
    assert reloaded.toggle(key="ws_consent").value is True
    assert len(room_shares(store(), code)) == 1


def test_a_made_up_seat_in_the_address_just_shows_the_join_form():
    _, code, _ = open_room_as_facilitator()
    stranger = open_app("workshop.py", room=code, seat="made-up")
    assert stranger.text_input(key="ws_code").value == code
    assert not stranger.success and count_joined(store(), code) == 0


def test_no_contacts_name_or_email_reaches_the_room_through_the_pages():
    facilitator, code, _ = open_room_as_facilitator()
    for yes in (1, 3, 5):
        join_and_share(participant_with(yes, 2, 2), code, "Sam")
    facilitator.run()
    stored = repr(store().dump())
    assert "Vexworth" not in stored and "vex.example" not in stored
    shown = " ".join(str(e.value) for e in [*facilitator.markdown, *facilitator.code, *facilitator.caption])
    assert "Vexworth" not in shown


def test_the_page_titles_are_the_sidebars():
    assert [t.value for t in open_app("workshop.py").title] == ["Join a workshop"]
    assert [t.value for t in open_app("facilitator.py").title] == ["Facilitate a workshop"]


# Nicknames are typed by anyone; the projected screen shows them as typed (each within the 30-character limit).
MARKUP_NICKNAMES = ["![x](http://example.invalid/i)", "[click](http://x.invalid)", "# BIG :red[x]"]


def test_nicknames_written_as_markdown_show_on_the_projector_as_that_literal_text():
    facilitator, code, _ = open_room_as_facilitator()
    for nickname in MARKUP_NICKNAMES:
        participant = open_app("workshop.py", room=code)
        participant.text_input(key="ws_nickname").input(nickname)
        click(participant, "Join the room")
        shown = " ".join(s.value for s in participant.success)
        assert f"as **{literal(nickname)}**" in shown
    facilitator.run()
    [who] = [e for e in facilitator.expander if e.label.startswith("Who joined")]
    assert not who.markdown  # Markdown would turn even an escaped "http://..." into a link (GFM autolinks)
    [listed] = [t.value for t in who.text]
    assert listed == ", ".join(sorted(MARKUP_NICKNAMES, key=str.lower))
