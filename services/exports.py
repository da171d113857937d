"""Every export of one workbook, put together from store queries and the pure writers.

This is the one place the page and the ``workbook export`` command share, so both give the
same files. It takes a workbook but runs no SQL itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from core.model import GOAL_KINDS, REFERENCE_STEPS, Rating
from core.outreach import reference_progress
from core.rating import MAX_SCORE, actions_for, band_for
from fileio.action_plan import PlanSection, render_html, render_markdown
from fileio.export import build_workbook_zip, write_csv
from fileio.vcard import write_vcards
from services import plan, progress
from services.rating import upgrade_plan
from services.workbooks import Workbook
from store import backup, outreach, ratings
from store.goals import list_goals
from store.schema import APPLICATION_ID

PLAN_TITLE = "My networking action plan"
NEXT_PEOPLE = 10


def export_zip(workbook: Workbook, now: datetime) -> bytes:
    """The whole workbook as CSV files in a zip, with the schema version in workbook.json."""
    return build_workbook_zip(backup.export_tables(workbook), workbook.schema_version(), now, APPLICATION_ID)


def export_vcard(workbook: Workbook, now: datetime) -> bytes:
    """Everyone as vCards, which this app's importer reads back as the same people."""
    return write_vcards(backup.contacts_for_export(workbook)).encode("utf-8")


def export_contacts_csv(workbook: Workbook, now: datetime) -> bytes:
    """Everyone as one CSV (spreadsheet-safe)."""
    people = backup.contacts_for_export(workbook)
    columns = ["name", "email", "phone", "company", "role", "circle", "tie", "notes"]
    return write_csv(columns, [[getattr(p, c) for c in columns] for p in people]).encode("utf-8-sig")


def export_calendar(workbook: Workbook, now: datetime) -> bytes:
    """The weekly plan (tip 6) as an iCalendar file."""
    return plan.calendar_file(workbook, now)


def plan_sections(workbook: Workbook, today: date) -> list[PlanSection]:
    """The action plan's sections: targets, who to contact next, references, the rating's actions, the tips
    still open and this week (progress counted by services.progress, as on home and in the workshop)."""
    goals = list_goals(workbook)
    ranked = plan.ranked_list(workbook, today)[:NEXT_PEOPLE]
    steps = outreach.reference_steps(workbook)
    refs = [
        (r["name"], reference_progress(r["id"], steps.get(r["id"], {}))) for r in outreach.list_references(workbook)
    ]
    latest = ratings.latest_ratings(workbook, 1)
    return [
        PlanSection(
            "What you are looking for",
            "Specific targets make it easy for people to help (tip 2).",
            tuple(f"{GOAL_KINDS.get(g.kind, g.kind)}: {g.title}" for g in goals),
            "Name a role, an employer or an industry on the Reach out page.",
        ),
        PlanSection(
            "Who to contact next",
            "The people who most need your attention now (tip 6).",
            tuple(f"{s.name}: {s.summary}" for s in ranked),
            "Add people on the Know your network page.",
        ),
        PlanSection(
            "Your references",
            "Take each reference through the five steps (tip 2).",
            tuple(f"{name}: next, {REFERENCE_STEPS[p.next_step].lower()}" for name, p in refs if p.next_step),
            "No reference is waiting for a step.",
        ),
        _rating_section(latest[0] if latest else None, workbook, today),
        _progress_section(workbook, today),
        _week_section(workbook, today),
    ]


def _progress_section(workbook: Workbook, today: date) -> PlanSection:
    statuses = progress.tip_progress(workbook, today)
    done = sum(s.done for s in statuses)
    return PlanSection(
        "Progress through the six tips",
        f"{done} of {len(statuses)} tips done, each counted by what it asks over the weeks (as on home).",
        tuple(f"Tip {s.number} · {s.title}: next, {s.next_step}." for s in statuses if not s.done),
        "All six tips done: keep the habits going.",
    )


def _week_section(workbook: Workbook, today: date) -> PlanSection:
    week = progress.this_week(workbook, today)
    thanks = tuple(
        f"Thank {r.name} for their help on {r.happened_on:%d %b %Y} and tell them how it went."
        for r in week.owed.newest
    )
    due = tuple(f"Get in touch with {d.name} (due {d.due_on:%a %d %b})." for d in week.due)
    return PlanSection(
        f"This week (from {week.starts_on:%d %b %Y})",
        f"{'Goal met' if week.met else 'Goal not met yet'}: {week.reading[0].lower()}{week.reading[1:]}",
        thanks + due,
        "Nobody is due and nobody is owed thanks.",
    )


def _rating_section(rating: Rating | None, workbook: Workbook, today: date) -> PlanSection:
    if rating is None:
        return PlanSection(
            "Your network's quality",
            "Rate your network to see what to work on (tip 4).",
            (),
            "Take the five-question rating on the Rate your network page.",
        )
    band = band_for(rating.score)
    intro = f"Your last rating ({rating.taken_on:%d %b %Y}) scored {rating.score} of 5: {band.label}."
    steps: tuple[str, ...] = ()
    if rating.score < MAX_SCORE:  # tip 4's upgrade plan, as its page shows it
        plan = upgrade_plan(workbook, today).plan
        intro = f"{intro} {plan.summary[0].upper()}{plan.summary[1:]}"
        steps = tuple(f"{step.text} (tip {step.tip})" for step in plan.steps)
    return PlanSection(
        "Your network's quality",
        intro,
        tuple(action.text for action in actions_for(rating.answers)) + steps,
        "Every answer was yes: keep it up.",
    )


def export_plan(workbook: Workbook, now: datetime) -> bytes:
    """The printable action plan as an HTML page."""
    return render_html(PLAN_TITLE, plan_sections(workbook, now.date()), now.date()).encode("utf-8")


def export_plan_markdown(workbook: Workbook, now: datetime) -> bytes:
    """The action plan as Markdown, each item a checkbox."""
    return render_markdown(PLAN_TITLE, plan_sections(workbook, now.date()), now.date()).encode("utf-8")


@dataclass(frozen=True)
class ExportKind:
    """One kind of export: its label, its file name (by day), media type, and how to build its bytes."""

    label: str
    name: str
    media_type: str
    build: Callable[[Workbook, datetime], bytes]

    def file_name(self, now: datetime) -> str:
        """The download's file name on the day of ``now``."""
        return self.name.format(day=f"{now:%Y-%m-%d}")


EXPORTS: dict[str, ExportKind] = {
    "zip": ExportKind("The whole workbook (zip of CSV files)", "workbook-{day}.zip", "application/zip", export_zip),
    "vcard": ExportKind("Everyone as vCards (.vcf)", "contacts-{day}.vcf", "text/vcard", export_vcard),
    "csv": ExportKind("Everyone as a spreadsheet (.csv)", "contacts-{day}.csv", "text/csv", export_contacts_csv),
    "ics": ExportKind(
        "Reconnect schedule (.ics calendar)", plan.CALENDAR_FILE_NAME, plan.CALENDAR_MEDIA_TYPE, export_calendar
    ),
    "plan": ExportKind("Printable action plan (.html)", "action-plan-{day}.html", "text/html", export_plan),
    "markdown": ExportKind("Action plan (.md)", "action-plan-{day}.md", "text/markdown", export_plan_markdown),
}
