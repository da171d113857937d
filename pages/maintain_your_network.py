"""Placeholder until this page is built: says what is coming and shows no invented data."""

from ui.widgets import show_coming

show_coming(6, "6 · Maintain your network", ['Mark key contacts and how often to be in touch', 'See who to contact next, and why', 'Keep a ledger of what you give and receive'])
