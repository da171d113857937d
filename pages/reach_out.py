"""Placeholder until this page is built: says what is coming and shows no invented data."""

from ui.widgets import show_coming

show_coming(2, "2 · Reach out to your network", ['Record specific targets (roles, employers, industries) and link people to them', 'Keep your pitch: what you are looking for and what you have done lately', 'Track your references through the five steps', 'Log every outreach, which updates when you last spoke with someone'])
