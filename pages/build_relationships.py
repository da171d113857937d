"""Placeholder until this page is built: says what is coming and shows no invented data."""

from ui.widgets import show_coming

show_coming(3, "3 · Focus on building relationships", ['Compose a considerate ask for a specific person and request', 'Check an ask for asking for a job outright or for a vague request', 'See the follow-ups and thank-yous you owe'])
