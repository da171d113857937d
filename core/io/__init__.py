"""Importers (LinkedIn, Google, Outlook, vCard, any CSV) and exporters (zip, vCard, action plan)."""
