"""Placeholder until this page is built: says what is coming and shows no invented data."""

from ui.widgets import show_coming

show_coming(4, "4 · Rate your network", ['Answer five yes/no questions about your network', 'See your score, its band and an action for every no', 'Follow your score over time'])
