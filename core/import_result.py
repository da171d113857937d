"""What an importer hands back: the people it read, the rows it skipped and why, and notes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from core.model import ContactDraft

FORMATS: dict[str, str] = {
    "linkedin": "LinkedIn Connections.csv",
    "google": "Google Contacts CSV",
    "outlook": "Outlook contacts CSV",
    "vcard": "vCard (.vcf)",
    "csv": "Other CSV (choose the columns)",
}

# Fields a person can be given from a column of any other CSV, and what to call each.
MAPPABLE_FIELDS: dict[str, str] = {
    "name": "Full name",
    "first_name": "First name",
    "last_name": "Last name",
    "email": "Email",
    "phone": "Phone",
    "company": "Company",
    "role": "Role or job title",
    "notes": "Notes",
}


@dataclass(frozen=True)
class SkippedRow:
    """A row of the file that was not read, with its line number and the reason."""

    line: int
    reason: str


@dataclass(frozen=True)
class ImportResult:
    """The people read from one file, before anything is saved."""

    format: str
    drafts: tuple[ContactDraft, ...]
    lines: tuple[int, ...]  # the line (or card) number of each draft, for messages
    skipped: tuple[SkippedRow, ...] = ()
    notes: tuple[str, ...] = ()
    default_circle: str = "friends"
    default_tie: str = "weak"


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: how many were added, updated, already up to date, and what was skipped."""

    added: int
    updated: int
    unchanged: int
    skipped: tuple[SkippedRow, ...]

    def describe(self) -> str:
        """One sentence for the user."""
        text = f"Added {self.added:,}, updated {self.updated:,}, {self.unchanged:,} already up to date"
        return text + (f", skipped {len(self.skipped):,}." if self.skipped else ".")


def apply_defaults(result: ImportResult, circle: str, tie: str) -> ImportResult:
    """Give every person who still has the format's default circle and tie the chosen ones."""
    if (circle, tie) == (result.default_circle, result.default_tie):
        return result
    drafts = tuple(
        ContactDraft(
            **{
                **vars(draft),
                "circle": circle if draft.circle == result.default_circle else draft.circle,
                "tie": tie if draft.tie == result.default_tie else draft.tie,
            }
        )
        for draft in result.drafts
    )
    return replace(result, drafts=drafts, default_circle=circle, default_tie=tie)


def first_rows(result: ImportResult, count: int) -> ImportResult:
    """The same result cut to its first ``count`` people (for a quick preview)."""
    return replace(result, drafts=result.drafts[:count], lines=result.lines[:count])
