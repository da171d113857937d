"""What a workshop participant may share with the room: counts and yes/no answers, never a name."""

from __future__ import annotations

from core.workshop import ParticipantShare
from services.workbooks import Workbook
from store.workshop_figures import participant_figures as _count


def participant_figures(workbook: Workbook) -> ParticipantShare:
    """This participant's figures for the room."""
    return _count(workbook)
