"""Tip 4's page: the quiz saves the right score for every answer combination, with notes and a result."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from core.model import RATING_QUESTIONS
from tests.pages.tab_support import open_tab
from ui.registry import BY_TIP, PART_PARAM

PAGE = "rate_your_network.py"
KEYS = list(RATING_QUESTIONS)
QUIZ, RESULT, UPGRADE, HISTORY = "Take the rating", "Your result", "Upgrade plan", "How it has changed"


def saved(path, sql="SELECT score, truth, challenge, vibrant, future, strong_links FROM ratings ORDER BY id"):
    import ui.session

    return ui.session._open_local(str(path)).read(sql)


def on_tab(at, label: str):
    return open_tab(at, "tip4_tab", label)


def answer(at, answers: dict) -> None:
    """Answer on the quiz's tab (a save opens the result's)."""
    if at.session_state["tip4_tab"] != QUIZ:
        on_tab(at, QUIZ)
    for key, value in answers.items():
        at.radio(key=f"q_{key}").set_value(value)


def save(at):
    next(b for b in at.button if b.label == "Save my rating").click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_every_answer_combination_saves_the_right_score(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    combinations = list(itertools.product([True, False], repeat=len(KEYS)))
    for values in combinations:
        answer(at, dict(zip(KEYS, values)))
        save(at)
        assert at.metric[0].value == f"{sum(values)} of 5", values
    rows = saved(path)
    assert len(rows) == 32
    assert [(row[0], tuple(row[1:])) for row in rows] == [(sum(v), v) for v in combinations]


def test_the_result_shows_the_band_and_an_action_linking_to_the_tip_for_every_no(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb", PAGE)
    answer(at, {**dict.fromkeys(KEYS, True), "future": False, "vibrant": False})
    save(at)
    assert any("Rating saved: 3 of 5, needs enhancing." in s.value for s in at.success)
    assert any("Needs enhancing" in w.value for w in at.warning)
    actions = at.get("page_link")[:2]  # the upgrade plan's links follow
    links = [link.proto.page for link in actions]
    assert links == [BY_TIP[6].url_path, BY_TIP[5].url_path]
    labels = [link.proto.label for link in actions]
    assert labels == ["Tip 6: Maintain your network", "Tip 5: Strong and weak ties: where you want to go"]
    queries = [link.proto.query_string for link in actions]
    assert queries == ["", f"{PART_PARAM}=Where+you+want+to+go"]  # opens that part of tip 5's page


def test_all_yes_is_great_shape_and_all_no_needs_a_makeover(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb", PAGE)
    answer(at, dict.fromkeys(KEYS, True))
    save(at)
    assert any("In great shape" in s.value for s in at.success)
    assert not at.get("page_link")
    answer(at, dict.fromkeys(KEYS, False))
    save(at)
    assert any("Needs a makeover" in e.value for e in at.error)
    links = [link.proto.page for link in at.get("page_link")]
    assert links == [BY_TIP[tip].url_path for tip in (3, 5, 6, 5, 1)]  # every no links to the tip that helps
    # the upgrade plan of an empty workbook: list people first (tip 1), name a place to go (tip 5)
    links = [link.proto.page for link in on_tab(at, UPGRADE).get("page_link")]
    assert links == [BY_TIP[1].url_path, BY_TIP[5].url_path]


def test_a_retake_is_compared_with_the_previous_rating(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb", PAGE)
    answer(at, {**dict.fromkeys(KEYS, False), "truth": True})
    save(at)
    answer(at, {**dict.fromkeys(KEYS, True), "strong_links": False})
    save(at)
    assert at.metric[0].value == "4 of 5"
    assert at.metric[0].delta == "+3"
    assert any("Up 3 since last time (1 to 4)" in c.value for c in at.caption)


def test_an_unanswered_question_is_refused_in_one_line_and_saves_nothing(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    answer(at, {"truth": True, "challenge": False})
    save(at)
    assert saved(path) == []
    [error] = at.error
    assert (
        error.value == "3 of the 5 questions are not answered; choose yes or no for each, then save. Nothing was saved."
    )
    assert at.radio(key="q_truth").value is True  # what was answered is kept


def test_notes_and_the_date_are_saved_with_the_rating_and_the_form_is_cleared(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    answer(at, dict.fromkeys(KEYS, True))
    at.date_input(key="taken_on").set_value(date.today() - timedelta(days=3))
    at.text_area(key="note_strengths").input("Loyal former colleagues")
    at.text_area(key="note_weaknesses").input("Nobody in health tech")
    at.text_area(key="note_opportunities").input("Join the data association")
    save(at)
    assert saved(path, "SELECT taken_on, strengths, weaknesses, opportunities FROM ratings") == [
        (
            date.today() - timedelta(days=3),
            "Loyal former colleagues",
            "Nobody in health tech",
            "Join the data association",
        )
    ]
    assert any("Nobody in health tech" in t.value for t in at.text)  # on the result's tab
    on_tab(at, QUIZ)
    assert at.radio(key="q_truth").value is None
    assert at.text_area(key="note_strengths").value == ""


def test_the_history_chart_and_its_reading_follow_the_ratings(app_on, tmp_path):
    at = on_tab(app_on(tmp_path / "w.duckdb", PAGE), HISTORY)
    assert any("No ratings yet" in m.value for m in at.markdown)
    for yes in (2, 5):
        answer(at, {k: i < yes for i, k in enumerate(KEYS)})
        save(at)
    on_tab(at, HISTORY)
    assert any("Over 2 ratings" in m.value and "up (2 to 5)" in m.value for m in at.markdown)
    [chart] = at.get("vega_lite_chart")
    assert "Your rating over time" in chart.proto.spec


def test_past_ratings_are_listed_with_their_notes_and_one_taken_by_mistake_can_be_removed(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    answer(at, dict.fromkeys(KEYS, True))
    at.text_area(key="note_opportunities").input("Join the guild")
    save(at)
    answer(at, dict.fromkeys(KEYS, False))
    save(at)
    assert not at.dataframe  # the past ratings are drawn only when asked for
    [table] = open_past(at).dataframe
    assert list(table.value["Score"]) == [0, 5]
    assert list(table.value["Opportunities"]) == ["", "Join the guild"]
    mistake = saved(path, "SELECT id FROM ratings WHERE score = 0")[0][0]
    at.selectbox(key="remove_pick").select(mistake)
    next(b for b in at.button if b.label == "Remove this rating").click().run()
    assert [row[0] for row in saved(path)] == [5]
    assert any("Rating removed" in m.value for m in at.success)
    [table] = at.dataframe  # still open after the save
    assert list(table.value["Score"]) == [5]
    assert on_tab(at, RESULT).metric[0].value == "5 of 5"


def test_removing_without_choosing_a_rating_removes_nothing(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    answer(at, dict.fromkeys(KEYS, True))
    save(at)
    next(b for b in open_past(at).button if b.label == "Remove this rating").click().run()
    assert len(saved(path)) == 1
    assert any("Choose the rating to remove first" in e.value for e in at.error)


def open_past(at):
    """Open "All your ratings and notes", which runs only while open."""
    on_tab(at, HISTORY)
    at.session_state["past_open"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upgrade_texts(at) -> str:
    return " ".join(m.value for m in at.markdown) + " " + " ".join(c.value for c in at.caption)


def make_network(path):
    from core.model import ContactDraft
    from store import open_workbook
    from store.contacts import add_contact
    from store.goals import add_goal, link_contacts
    from store.interactions import log_interaction

    book = open_workbook(path)
    today = date.today()
    boss = add_contact(book, ContactDraft(name="Old boss", circle="former_jobs"))
    mate = add_contact(book, ContactDraft(name="Classmate", circle="school"))
    add_contact(book, ContactDraft(name="Neighbour", circle="neighbours"))
    add_contact(book, ContactDraft(name="Gym friend", circle="gym"))
    guild = add_goal(book, "association", "Health *Data* Guild")
    add_goal(book, "conference", "PyData")
    link_contacts(book, guild, [mate])
    log_interaction(book, boss, today - timedelta(days=500), "catch_up", today=today)
    book.close()


def test_a_score_under_five_shows_the_upgrade_plan_with_its_counts_and_steps(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_network(path)
    at = on_tab(app_on(path, PAGE), UPGRADE)
    assert "Take the rating first" in upgrade_texts(at) and not at.metric  # no rating yet
    answer(at, {**dict.fromkeys(KEYS, True), "future": False})
    save(at)
    on_tab(at, UPGRADE)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Linked to where you want to go"] == "25%"
    assert metrics["From past circles"] == "50%"
    assert metrics["Silent for over a year"] == "1"
    words = upgrade_texts(at)
    assert "**Places nobody is linked to (1 of 2):** PyData" in words
    assert "Find someone who belongs to “PyData”" in words
    assert "Join, attend or start reading “Health \\*Data\\* Guild”" in words  # user text escaped
    assert "Someone has been silent for over a year" in words


def test_full_marks_show_no_upgrade_plan(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_network(path)
    at = app_on(path, PAGE)
    answer(at, dict.fromkeys(KEYS, True))
    save(at)
    on_tab(at, UPGRADE)
    assert "Full marks: your network needs no upgrade" in upgrade_texts(at) and not at.metric


def test_a_place_gets_a_status_the_form_clears_and_a_missing_choice_is_refused(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    make_network(path)
    at = app_on(path, PAGE)
    answer(at, {**dict.fromkeys(KEYS, True), "future": False})
    save(at)
    on_tab(at, UPGRADE)
    submit = next(b for b in at.button if b.label == "Save where I stand")
    submit.click().run()
    errors = " ".join(e.value for e in at.error)
    assert "Choose the place first." in errors and "Nothing was saved." in errors
    pydata = saved(path, "SELECT id FROM goals WHERE title = 'PyData'")[0][0]
    at.selectbox(key="dest_pick").set_value(pydata)
    at.radio(key="dest_status").set_value("attended")
    next(b for b in at.button if b.label == "Save where I stand").click().run()
    assert not at.exception
    assert "Saved: attended." in " ".join(s.value for s in at.success)
    assert saved(path, "SELECT title, status FROM goals ORDER BY id") == [
        ("Health *Data* Guild", ""),
        ("PyData", "attended"),
    ]
    assert at.selectbox(key="dest_pick").value is None and at.radio(key="dest_status").value is None
    assert "Join, attend or start reading “PyData”" not in upgrade_texts(at)


def test_the_page_opens_on_the_quiz_a_save_shows_the_result_and_the_latest_score_shows_above(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    assert at.session_state["tip4_tab"] == QUIZ and len(at.radio) == len(KEYS)
    assert not any("Your latest rating" in m.value for m in at.markdown)
    answer(at, {**dict.fromkeys(KEYS, True), "vibrant": False})
    save(at)
    assert at.session_state["tip4_tab"] == RESULT and not at.radio  # only the open tab is drawn
    assert at.metric[0].value == "4 of 5" and any("Rating saved: 4 of 5" in s.value for s in at.success)
    again = app_on(path, PAGE)  # a later visit: the quiz, and the latest score above it
    assert again.session_state["tip4_tab"] == QUIZ
    latest = f"Your latest rating: **4 of 5**, needs enhancing (taken {date.today():%d %b %Y})."
    assert latest in [m.value for m in again.markdown]
