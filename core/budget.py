"""How much one private workbook on a shared server may hold, and the words when it is full.

A shared server holds many visitors' workbooks in memory at once; one visitor must not be able to
take all of it. Local workbooks (a file on your own computer) and accounts have no such budget.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    """The most a private workbook may hold: people, logged interactions, upload size and memory."""

    contacts: int = 10_000
    interactions: int = 50_000
    upload_bytes: int = 5 * 1024 * 1024
    memory_mb: int = 64

    def overflow(self, contacts: int, interactions: int) -> str | None:
        """The sentence to show when these counts go past the budget, or None when they fit."""
        if contacts > self.contacts:
            return too_many("people", contacts, self.contacts)
        if interactions > self.interactions:
            return too_many("logged contacts", interactions, self.interactions)
        return None


def too_many(what: str, count: int, limit: int) -> str:
    """One line: how much would be there, the limit, and the ways round it."""
    return (
        f"A private workbook on this shared server holds up to {limit:,} {what}; this change would make "
        f"{count:,}. Sign in to keep a bigger workbook, or run the app on your own computer."
    )


def too_big_upload(size: int, limit: int) -> str:
    """One line for an upload over the budget."""
    return (
        f"That file is {size / 1_048_576:.1f} MB; this shared server takes files up to "
        f"{limit / 1_048_576:.0f} MB. Split it, or run the app on your own computer for big address books."
    )


def out_of_memory(limit_mb: int) -> str:
    """One line for a change that needed more memory than a private workbook is given."""
    return (
        f"That change needs more than the {limit_mb} MB of memory this shared server gives each private "
        "workbook. Sign in to keep a bigger workbook, or run the app on your own computer."
    )
