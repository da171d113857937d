"""The follow-through loop's use cases: every help opens a loop, thank and report back close it, linked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import InvalidInput
from core.model import ContactDraft
from services import followthrough
from store.contacts import add_contact, restore_contacts, trash_contacts
from store.interactions import log_interaction
from store.outreach import log_ask, record_outcome

pytestmark = pytest.mark.both_engines
TODAY = date(2026, 3, 18)


def test_an_ask_marked_helped_opens_a_loop_that_thank_and_report_close_with_links(workbook):
    ana = add_contact(workbook, ContactDraft(name="Ana Costa"))
    ask = log_ask(
        workbook,
        ana,
        message="Could you introduce me to the clinic's data lead?",
        request_kind="introduction",
        channel="email",
        goal_id=None,
        happened_on=TODAY,
        today=TODAY,
    )
    assert followthrough.loop_summary(workbook).open == 0  # an ask waiting to hear is not help yet
    record_outcome(workbook, ask, "helped")
    (loop,) = followthrough.open_loops(workbook)
    assert (loop.help_id, loop.name, loop.help) == (ask, "Ana Costa", "helped with your ask for an introduction")
    assert followthrough.loop_summary(workbook).open == 1
    thanks = followthrough.thank(workbook, ask, TODAY)
    assert followthrough.loop_summary(workbook).open == 1  # thanked, not yet told
    report = followthrough.report_back(workbook, ask, "interview", " Second round Friday ", TODAY)
    assert followthrough.loop_summary(workbook).open == 0
    assert workbook.read(
        f"SELECT id, kind, help_id, outcome, note FROM interactions WHERE id IN ({thanks}, {report}) ORDER BY id"
    ) == [
        (thanks, "thank_you", ask, "", ""),
        (report, "update", ask, "interview", "Second round Friday"),
    ]
    view = followthrough.overview(workbook, TODAY)
    assert (view.total, view.open, view.closed) == (1, 0, 1)
    assert view.weeks[-1][1:] == (1, 1)  # opened and closed this week


def test_a_report_without_an_outcome_is_refused_and_saves_nothing(workbook):
    ana = add_contact(workbook, ContactDraft(name="Ana"))
    helped = log_interaction(workbook, ana, TODAY, "help_received", today=TODAY)
    before = workbook.read("SELECT count(*) FROM interactions")
    with pytest.raises(InvalidInput, match="Choose how it went"):
        followthrough.report_back(workbook, helped, "", "", TODAY)
    with pytest.raises(InvalidInput, match="not in the workbook"):
        followthrough.thank(workbook, helped + 99, TODAY)
    assert workbook.read("SELECT count(*) FROM interactions") == before


def test_a_step_on_something_that_is_not_live_help_is_refused_and_saves_nothing(workbook):
    ana, bo = add_contact(workbook, ContactDraft(name="Ana")), add_contact(workbook, ContactDraft(name="Bo"))
    catch_up = log_interaction(workbook, ana, TODAY, "catch_up", today=TODAY)
    waiting = log_ask(
        workbook,
        ana,
        message="Coffee?",
        request_kind="advice",
        channel="email",
        goal_id=None,
        happened_on=TODAY,
        today=TODAY,
    )  # an ask that has not helped (yet) opens no loop
    trashed_help = log_interaction(workbook, bo, TODAY, "help_received", channel="call", today=TODAY)
    trash_contacts(workbook, [bo])
    before = workbook.read("SELECT count(*) FROM interactions")
    for not_help in (catch_up, waiting, trashed_help):
        with pytest.raises(InvalidInput, match="not in the workbook"):
            followthrough.thank(workbook, not_help, TODAY)
    assert workbook.read("SELECT count(*) FROM interactions") == before
    restore_contacts(workbook, [bo])
    thanks = followthrough.thank(workbook, trashed_help, TODAY)
    assert workbook.read(f"SELECT contact_id, channel, help_id FROM interactions WHERE id = {thanks}") == [
        (bo, "call", trashed_help)  # thanked the way they helped
    ]


def test_an_older_unlinked_thank_you_and_update_still_count(workbook):
    bo = add_contact(workbook, ContactDraft(name="Bo"))
    log_interaction(workbook, bo, TODAY - timedelta(days=9), "help_received", today=TODAY)
    log_interaction(workbook, bo, TODAY - timedelta(days=8), "thank_you", today=TODAY)
    (loop,) = followthrough.open_loops(workbook)
    assert loop.steps_left == ("report",)
    log_interaction(workbook, bo, TODAY - timedelta(days=7), "update", today=TODAY)
    assert followthrough.open_loops(workbook) == []


def test_one_persons_loops_are_theirs_alone_linked_or_not(workbook):
    bo, di = (add_contact(workbook, ContactDraft(name=name)) for name in ("Bo", "Di"))
    bos = log_interaction(workbook, bo, TODAY - timedelta(days=9), "help_received", today=TODAY)
    log_interaction(workbook, bo, TODAY - timedelta(days=8), "thank_you", today=TODAY)  # logged before links
    dis = log_interaction(workbook, di, TODAY - timedelta(days=6), "help_received", today=TODAY)
    followthrough.report_back(workbook, dis, "interview", "", TODAY)
    log_interaction(workbook, di, TODAY - timedelta(days=5), "thank_you", today=TODAY)  # Di's, not Bo's

    (bo_loop,) = followthrough.person_loops(workbook, bo)
    (di_loop,) = followthrough.person_loops(workbook, di)
    assert (bo_loop.help_id, bo_loop.steps_left) == (bos, ("report",))
    assert (di_loop.help_id, di_loop.steps_left) == (dis, ())
    assert set(followthrough.open_loop_by_person(workbook, [bo, di])) == {bo}


def test_each_persons_loops_on_the_demo_are_what_everyones_loops_say_of_them(demo_path, tmp_path):
    from store import followthrough as store
    from tests.services.sample_books import demo_copy

    with demo_copy(demo_path, tmp_path) as demo:
        every = [followthrough._loop(r) for r in store.list_loops(demo)]
        people = sorted({x.contact_id for x in every})[:40]
        for person in people:
            theirs = [x for x in every if x.contact_id == person]
            assert followthrough.person_loops(demo, person, limit=len(theirs) + 1) == theirs
        newest_open = {}
        for x in every:
            if x.steps_left and x.contact_id in people:
                newest_open.setdefault(x.contact_id, x)
        assert followthrough.open_loop_by_person(demo, people) == newest_open
    assert newest_open and len(people) == 40


def test_a_thank_you_linked_to_one_help_does_not_settle_another(workbook):
    cy = add_contact(workbook, ContactDraft(name="Cy"))
    first = log_interaction(workbook, cy, TODAY - timedelta(days=3), "help_received", today=TODAY)
    second = log_interaction(workbook, cy, TODAY - timedelta(days=1), "help_received", today=TODAY)
    followthrough.thank(workbook, first, TODAY)
    followthrough.report_back(workbook, first, "still_looking", "", TODAY)
    assert [x.help_id for x in followthrough.open_loops(workbook)] == [second]
    assert set(followthrough.open_loop_by_person(workbook, [cy])) == {cy}


def test_the_weekly_counts_in_sql_agree_with_the_core_rule_on_the_demo_workbook(demo_path, tmp_path):
    from core.followthrough import loops_by_week, week_of
    from store import followthrough as store
    from tests.services.sample_books import demo_copy

    today = date.today()
    with demo_copy(demo_path, tmp_path) as demo:
        every = [followthrough._loop(r) for r in store.list_loops(demo)]
        view = followthrough.overview(demo, today, weeks=8)
        assert (view.total, view.open) == (len(every), sum(1 for x in every if x.steps_left))
    assert list(view.weeks) == loops_by_week(every, 8, today)
    assert view.weeks[0][0] == week_of(today) - timedelta(weeks=7) and sum(o for _, o, _ in view.weeks) > 0


def test_the_summary_counts_live_peoples_loops_and_lists_the_newest_open_ones(workbook):
    from store.contacts import trash_contacts

    assert followthrough.loop_summary(workbook) == followthrough.LoopSummary(0, 0, ())
    dee, eli, fay = (add_contact(workbook, ContactDraft(name=name)) for name in ("Dee", "Eli", "Fay"))
    settled = log_interaction(workbook, dee, TODAY - timedelta(days=5), "help_received", today=TODAY)
    followthrough.thank(workbook, settled, TODAY)
    followthrough.report_back(workbook, settled, "interview", "", TODAY)
    older = log_interaction(workbook, eli, TODAY - timedelta(days=4), "help_received", today=TODAY)
    newer = log_interaction(workbook, eli, TODAY - timedelta(days=2), "help_received", today=TODAY)
    log_interaction(workbook, fay, TODAY - timedelta(days=1), "help_received", today=TODAY)
    trash_contacts(workbook, [fay])  # someone in the trash owes nothing and is not counted

    summary = followthrough.loop_summary(workbook, shown=1)
    assert (summary.total, summary.open) == (3, 2)
    assert [loop.help_id for loop in summary.newest] == [newer]
    assert summary.newest == tuple(followthrough.open_loops(workbook, limit=1))
    assert [loop.help_id for loop in followthrough.loop_summary(workbook).newest] == [newer, older]
