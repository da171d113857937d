"""Placeholder until this page is built: says what is coming and shows no invented data."""

from ui.widgets import show_coming

show_coming(5, "5 · Strong and weak ties", ['Mark ties strong or weak, one by one or in bulk', 'See the mix by circle and whether it reflects your goals', 'Find introduction paths from strong ties to new people'])
