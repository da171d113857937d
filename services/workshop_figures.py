"""What a workshop participant may share with the room: counts and yes/no answers, never a name."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from core.workshop import ParticipantShare
from services.progress import tips_done
from services.workbooks import Workbook
from store.workshop_figures import count_figures


def participant_figures(workbook: Workbook, today: date | None = None) -> ParticipantShare:
    """This participant's figures for the room; the tips done are home's, so the two always agree."""
    return replace(count_figures(workbook), tips_completed=tips_done(workbook, today or date.today()))
