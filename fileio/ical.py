"""Export the weekly schedule as an iCalendar file that calendar apps import.

Key contacts become one recurring all-day event each (an RRULE at their cadence); everyone else
becomes a one-off all-day event. UIDs are stable, so importing a newer export updates the same
events instead of doubling them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from core.model import ARTICLE_SOURCE, ARTICLE_TITLE
from core.schedule import Schedule, Slot, describe_cadence

PRODUCT_ID = "-//Job Networking Workbook//Weekly schedule//EN"
CALENDAR_NAME = "Networking: who to contact"
UID_DOMAIN = "job-networking-workbook"
FILE_NAME = "networking-schedule.ics"
MEDIA_TYPE = "text/calendar"


def export_schedule(schedule: Schedule, stamp: datetime) -> bytes:
    """The schedule as the bytes of an .ics file; ``stamp`` is when it was made (DTSTAMP)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    for slot in pick_event_slots(schedule):
        calendar.add_component(_event(slot, stamp.astimezone(UTC)))
    return calendar.to_ical()


def pick_event_slots(schedule: Schedule) -> list[Slot]:
    """One slot per event: a key contact's first slot only (it recurs), every one-off slot."""
    seen: set[int] = set()
    chosen = []
    for slot in schedule.slots:
        if slot.recurring:
            if slot.contact_id in seen:
                continue
            seen.add(slot.contact_id)
        chosen.append(slot)
    return chosen


def recurrence_rule(cadence_days: int) -> dict[str, object]:
    """The RRULE for a cadence: whole weeks as WEEKLY, anything else as DAILY."""
    if cadence_days % 7 == 0:
        return {"freq": "weekly", "interval": cadence_days // 7}
    return {"freq": "daily", "interval": cadence_days}


def _event(slot: Slot, stamp: datetime) -> Event:
    event = Event()
    if slot.recurring:
        event.add("uid", f"key-{slot.contact_id}@{UID_DOMAIN}")
        event.add("rrule", recurrence_rule(slot.cadence_days))
        summary = f"Keep in touch with {slot.name} ({describe_cadence(slot.cadence_days)})"
    else:
        event.add("uid", f"contact-{slot.contact_id}-{slot.on:%Y%m%d}@{UID_DOMAIN}")
        summary = f"Get in touch with {slot.name}"
    event.add("summary", summary)
    event.add("dtstamp", stamp)
    event.add("dtstart", slot.on)
    event.add("dtend", slot.on + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    reason = slot.reason or "A good time to reconnect."
    event.add(
        "description",
        f"{reason}\n\nPlanned with the Job Networking Workbook (tip 6 of '{ARTICLE_TITLE}', {ARTICLE_SOURCE}).",
    )
    return event
