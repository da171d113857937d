"""Placeholder until this page is built: says what is coming and shows no invented data."""

from ui.widgets import show_coming

show_coming(0, "Import, export and backup", ['Import LinkedIn, Google, Outlook and vCard address books', 'Export everything as CSV, vCard and iCalendar', 'Back up and restore your workbook'])
