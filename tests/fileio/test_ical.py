"""The calendar export: parsed back with a second library (vobject), as a calendar app would."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import vobject
from dateutil.rrule import rrulestr

from core.schedule import KeyContact, Pick, plan_weeks
from fileio.ical import export_schedule, recurrence_rule

TODAY = date(2026, 3, 18)
STAMP = datetime(2026, 3, 18, 9, 30, tzinfo=UTC)


def _parse(data: bytes):
    return vobject.readOne(data.decode("utf-8"))


def _plan():
    keys = [KeyContact(1, "Ana Díaz", 14, last_contacted_on=TODAY - timedelta(days=4)), KeyContact(2, "Bo", 30)]
    ranked = [Pick(3, "Chidi; O'Neil, Jr.", "No contact logged yet"), Pick(4, "Dee", "")]
    return plan_weeks(keys, ranked, TODAY, weeks=8)


def test_a_key_contact_becomes_one_recurring_event_at_their_cadence():
    calendar = _parse(export_schedule(_plan(), STAMP))
    ana = next(e for e in calendar.vevent_list if "Ana" in e.summary.value)
    assert ana.summary.value == "Keep in touch with Ana Díaz (every 2 weeks)"
    assert ana.dtstart.value == TODAY + timedelta(days=10)
    rule = rrulestr(ana.rrule.value, dtstart=datetime(2026, 3, 28))
    assert list(rule[:3]) == [datetime(2026, 3, 28) + timedelta(weeks=2 * i) for i in range(3)]


def test_people_from_the_list_become_one_off_all_day_events():
    calendar = _parse(export_schedule(_plan(), STAMP))
    chidi = next(e for e in calendar.vevent_list if "Chidi" in e.summary.value)
    assert chidi.summary.value == "Get in touch with Chidi; O'Neil, Jr."
    assert not hasattr(chidi, "rrule")
    assert chidi.dtend.value - chidi.dtstart.value == timedelta(days=1)
    assert isinstance(chidi.dtstart.value, date) and not isinstance(chidi.dtstart.value, datetime)
    assert chidi.description.value.startswith("No contact logged yet")


def test_each_person_appears_once_even_when_they_recur():
    calendar = _parse(export_schedule(_plan(), STAMP))
    summaries = [e.summary.value for e in calendar.vevent_list]
    assert len(summaries) == 4
    assert len({e.uid.value for e in calendar.vevent_list}) == 4


def test_the_file_is_a_valid_calendar_with_stable_uids_and_a_stamp():
    data = export_schedule(_plan(), STAMP)
    assert data.startswith(b"BEGIN:VCALENDAR") and b"VERSION:2.0" in data
    again = export_schedule(_plan(), STAMP + timedelta(hours=5))
    uids = {e.uid.value for e in _parse(data).vevent_list}
    assert uids == {e.uid.value for e in _parse(again).vevent_list}
    assert all(e.dtstamp.value == STAMP for e in _parse(data).vevent_list)


def test_an_empty_schedule_is_still_a_calendar():
    calendar = _parse(export_schedule(plan_weeks([], [], TODAY), STAMP))
    assert calendar.name == "VCALENDAR"
    assert not hasattr(calendar, "vevent")


def test_whole_weeks_recur_weekly_and_other_cadences_daily():
    assert recurrence_rule(14) == {"freq": "weekly", "interval": 2}
    assert recurrence_rule(30) == {"freq": "daily", "interval": 30}
