"""Tip 5's page: ties marked one by one and in bulk, destinations and their people, introduction paths."""

from __future__ import annotations

import re
import shutil

from core.model import ContactDraft
from store import open_workbook
from store.contacts import add_contact
from store.goals import add_goal, link_contacts
from tests.pages.tab_support import open_tab

PAGE = "strong_and_weak_ties.py"


def book(path):
    import ui.session

    return ui.session._open_local(str(path))


def ties(path):
    return book(path).read("SELECT name, tie FROM contacts ORDER BY id")


def seed(path, *people):
    """Add (name, circle, tie, introducer index) people to a fresh workbook file before the app opens it."""
    workbook = open_workbook(path)
    ids: list[int] = []
    for name, circle, tie, introducer in people:
        ids.append(
            add_contact(
                workbook,
                ContactDraft(
                    name=name, circle=circle, tie=tie, introduced_by=None if introducer is None else ids[introducer]
                ),
            )
        )
    workbook.close()
    return ids


def plain(markdown: str) -> str:
    """What a reader sees of escaped markdown."""
    return re.sub(r"\\(.)", r"\1", markdown)


def open_part(at, section: str):
    return open_tab(at, "section", section)


def click(at, label):
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_chosen_people_are_marked_strong_and_the_mix_follows(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ana, bo, _ = seed(
        path, ("Ana", "family", "weak", None), ("Bo", "family", "weak", None), ("Cy", "school", "weak", None)
    )
    at = open_part(app_on(path, PAGE), "Mark ties")
    assert at.metric[0].value == "0"
    at.multiselect(key="tie_chosen").select(ana).select(bo)
    at.radio(key="tie_value").set_value("strong")
    click(at, "Mark the chosen people")
    assert ties(path) == [("Ana", "strong"), ("Bo", "strong"), ("Cy", "weak")]
    assert any("Marked 2 people as strong ties" in s.value for s in at.success)
    assert (at.metric[0].value, at.metric[1].value) == ("2", "1")


def test_one_person_can_be_marked_weak_again(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    [ana] = seed(path, ("Ana", "family", "strong", None))
    at = open_part(app_on(path, PAGE), "Mark ties")
    at.multiselect(key="tie_chosen").select(ana)
    at.radio(key="tie_value").set_value("weak")
    click(at, "Mark the chosen people")
    assert ties(path) == [("Ana", "weak")]
    assert any("Marked 1 person as weak ties" in s.value for s in at.success)


def test_marking_with_nobody_chosen_is_refused_and_changes_nothing(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, ("Ana", "family", "weak", None))
    at = open_part(app_on(path, PAGE), "Mark ties")
    click(at, "Mark the chosen people")
    assert ties(path) == [("Ana", "weak")]
    assert any("Choose at least one person" in e.value for e in at.error)


def test_everyone_matching_a_filter_is_marked_only_after_confirming(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path, ("Ana", "family", "weak", None), ("Bo", "family", "weak", None), ("Cy", "school", "weak", None))
    at = open_part(app_on(path, PAGE), "Mark ties")
    at.selectbox(key="tie_circle").select("family").run()
    at.radio(key="tie_value").set_value("strong")
    click(at, "Mark everyone who matches")
    assert ties(path) == [("Ana", "weak"), ("Bo", "weak"), ("Cy", "weak")]
    assert any("Yes, change all 2" in e.value and "to confirm. Nothing was saved." in e.value for e in at.error)
    at.checkbox(key="tie_confirm_all").check()
    click(at, "Mark everyone who matches")
    assert ties(path) == [("Ana", "strong"), ("Bo", "strong"), ("Cy", "weak")]


def test_the_search_finds_people_and_caps_the_choices_at_fifty(app_on, tmp_path, demo_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, path)
    at = open_part(app_on(path, PAGE), "Mark ties")
    assert len(at.multiselect(key="tie_chosen").options) == 50
    at.text_input(key="tie_search").input("zz-nobody-zz").run()
    assert any("Nobody matches these filters" in i.value for i in at.info)


def test_a_destination_is_added_and_shows_it_has_nobody_yet(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = open_part(app_on(path, PAGE), "Where you want to go")
    assert any("No destinations yet" in m.value for m in at.markdown)
    at.selectbox(key="dest_kind").select("conference")
    at.text_input(key="dest_title").input("  Open Health Data Summit ")
    click(at, "Add destination")
    assert book(path).read("SELECT kind, title, priority FROM goals") == [("conference", "Open Health Data Summit", 2)]
    assert any(
        "0 of 1 destination has someone" in m.value and "Nobody yet for 'Open Health Data Summit'" in m.value
        for m in at.markdown
    )
    assert at.text_input(key="dest_title").value == ""


def test_a_destination_without_a_name_is_refused(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = open_part(app_on(path, PAGE), "Where you want to go")
    at.text_input(key="dest_title").input("   ")
    click(at, "Add destination")
    assert book(path).read("SELECT count(*) FROM goals") == [(0,)]
    assert any("A goal needs a title" in e.value and "Nothing was saved" in e.value for e in at.error)


def test_people_linked_to_a_destination_are_counted(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ana, _ = seed(path, ("Ana Ruiz", "former_jobs", "weak", None), ("Bo", "family", "strong", None))
    at = open_part(app_on(path, PAGE), "Where you want to go")
    at.text_input(key="dest_title").input("Data Guild")
    click(at, "Add destination")
    at.text_input(key="dest_search").input("ruiz").run()
    at.multiselect(key="dest_people").select(ana)
    click(at, "Link them")
    assert book(path).read("SELECT contact_id FROM contact_goals") == [(ana,)]
    assert any("1 of 1 destination has someone" in m.value for m in at.markdown)
    assert any("Linked so far: Ana Ruiz" in c.value for c in at.caption)


def test_a_destination_can_be_removed(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = open_part(app_on(path, PAGE), "Where you want to go")
    at.text_input(key="dest_title").input("Data Guild")
    click(at, "Add destination")
    click(at, "Remove this destination")
    assert book(path).read("SELECT count(*) FROM goals") == [(0,)]


def test_introduction_paths_say_who_to_ask_for_whom_and_for_which_goal(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ids = seed(path, ("Sister", "family", "strong", None), ("Her co-worker", "former_jobs", "weak", 0))
    workbook = open_workbook(path)
    link_contacts(workbook, add_goal(workbook, "association", "Data Guild", 1), [ids[1]])
    workbook.close()
    at = open_part(app_on(path, PAGE), "Introduction paths")
    assert any(
        "1. Ask Sister to introduce you to Her co-worker for your goal Data Guild (association)." in plain(m.value)
        for m in at.markdown
    )
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert any("Introduction paths" in s for s in specs)


def test_an_empty_workbook_explains_each_part_instead_of_showing_empty_charts(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb", PAGE)
    expected = {
        "Your mix": "Start on 'Know your network'",
        "Mark ties": "Nobody listed yet",
        "Where you want to go": "No destinations yet",
        "Introduction paths": "No introduction paths yet",
    }
    for section, message in expected.items():
        open_part(at, section)
        assert any(message in e.value for e in [*at.info, *at.markdown]), section
        assert not at.get("vega_lite_chart"), section


def test_only_the_open_part_of_the_page_runs(app_on, tmp_path, demo_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, path)
    at = app_on(path, PAGE)
    assert [c.proto.spec.count("Strong and weak ties by circle") for c in at.get("vega_lite_chart")] == [1]
    assert not at.multiselect
    open_part(at, "Introduction paths")
    [chart] = at.get("vega_lite_chart")
    assert '"Introduction paths"' in chart.proto.spec


def test_names_and_titles_with_markdown_signs_are_shown_as_typed_never_as_links_or_formatting(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ids = seed(path, ("*Sis* <b>", "family", "strong", None), ("[win](http://x.example)", "friends", "weak", 0))
    workbook = open_workbook(path)
    link_contacts(workbook, add_goal(workbook, "field", "# Data_science :red[now]", 1), [ids[1]])
    workbook.close()
    at = open_part(app_on(path, PAGE), "Introduction paths")
    [listing] = [m.value for m in at.markdown if "Who to ask" in m.value]
    assert "](" not in listing and "\\[win\\]\\(http" in listing  # escaped, so no link is made
    assert "Ask *Sis* <b> to introduce you to [win](http://x.example) for your goal # Data_science :red[now]" in plain(
        listing
    )


def test_goals_no_introduction_path_reaches_are_named_with_what_to_do(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ids = seed(path, ("Sister", "family", "strong", None), ("Her co-worker", "former_jobs", "weak", 0))
    workbook = open_workbook(path)
    link_contacts(workbook, add_goal(workbook, "association", "Data Guild", 1), [ids[1]])
    add_goal(workbook, "conference", "Open Data Summit", 2)
    workbook.close()
    at = open_part(app_on(path, PAGE), "Introduction paths")
    [line] = [plain(m.value) for m in at.markdown if "No path yet to" in m.value]
    assert "**No path yet to:** Open Data Summit (conference or event)." in line
    assert "Data Guild" not in line


def test_the_page_is_titled_as_in_the_sidebar(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb", PAGE)
    assert [t.value for t in at.title] == ["5 · Strong and weak ties"]


def test_a_goal_someone_is_linked_to_directly_never_shows_as_no_path(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    ids = seed(path, ("Ana", "friends", "weak", None), ("Bo", "former_jobs", "weak", None))
    workbook = open_workbook(path)
    link_contacts(workbook, add_goal(workbook, "association", "Data Guild", 1), [ids[0], ids[1]])
    add_goal(workbook, "conference", "Open Data Summit", 2)
    workbook.close()
    at = open_part(app_on(path, PAGE), "Introduction paths")
    [line] = [plain(m.value) for m in at.markdown if "No path yet to" in m.value]
    assert "Open Data Summit" in line and "Data Guild" not in line


def test_tip_two_and_tip_five_agree_on_who_reaches_a_goal_through_an_introduction(tmp_path):
    from services import outreach, ties
    from store.goals import add_goal as add_any_goal

    path = tmp_path / "w.duckdb"
    ids = seed(
        path,
        ("Sister", "family", "weak", None),  # known to you, though not marked strong
        ("Her co-worker", "former_jobs", "weak", 0),
        ("A friend of a friend of a stranger", "friends", "weak", 1),
    )
    workbook = open_workbook(path)
    goal = add_any_goal(workbook, "employer", "Meridian Hospital", 1)
    link_contacts(workbook, goal, [ids[1]])
    [coverage] = outreach.goal_coverage(workbook).targets
    found = ties.introduction_paths(workbook, 10)
    assert [(p.introducer_id, p.helper_id) for p in coverage.via] == [(ids[0], ids[1])]
    assert [(p.introducer.id, p.target.id) for p in found.paths if p.goal] == [(ids[0], ids[1])]
    assert found.unreached == ()
    workbook.close()
