"""Your data in and out: import address books, review duplicates, export, back up and restore."""

from datetime import datetime

import streamlit as st

from core.contacts import describe_contact
from core.errors import ImportFileError
from core.import_result import FORMATS, MAPPABLE_FIELDS, apply_defaults, first_rows
from core.model import CIRCLES, TIES
from core.text import distinct_labels, plural
from services import backups, imports
from services.exports import EXPORTS
from ui.cache import cached
from ui.downloads import personal_download_button
from ui.feedback import refusal, run_save, show
from ui.page import start_page
from ui.registry import PART_PARAM
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import draw_open_tab

SECTIONS = ["Import", "Duplicates", "Export", "Backup and restore"]
PREVIEW_ROWS = 50
SKIPPED_SHOWN = 200
NONE = ""
AUTO = "auto"
workbook = current_workbook()


# --- import -------------------------------------------------------------------------------------


def read_upload(data: bytes, fmt: str | None, mapping: tuple) -> object:
    """The file read (cached in the session, so reruns do not read it again)."""
    key = (hash(data), fmt, mapping)
    held = st.session_state.get("_import_read")
    if held is None or held[0] != key:
        bar = st.progress(0.0, text="Reading the file…")
        try:
            result = imports.read_file(
                data, fmt, dict(mapping), progress=lambda f, text: bar.progress(f, text=text), budget=workbook.budget
            )
        finally:
            bar.empty()
        held = (key, result)
        st.session_state["_import_read"] = held
    return held[1]


def ask_mapping(data: bytes) -> tuple:
    """For any other CSV: which column holds which field (guessed first)."""
    choices = imports.column_choices(data)
    st.markdown("**Which column holds what?** Pick a full-name column, or first and last name columns.")
    cols = st.columns(4)
    chosen = {}
    for index, (field, label) in enumerate(MAPPABLE_FIELDS.items()):
        options = [NONE, *choices.columns]
        default = options.index(choices.guess[field]) if field in choices.guess else 0
        pick = cols[index % 4].selectbox(
            label, options, index=default, key=f"map_{field}", format_func=lambda c: c or "(none)"
        )
        if pick:
            chosen[field] = pick
    return tuple(sorted(chosen.items()))


def show_preview(result, shown) -> None:
    skipped = len(result.skipped)
    st.markdown(
        f"**{plural(len(result.drafts), 'person', 'people')}** read from this {FORMATS[result.format]} file"
        + (f"; **{plural(skipped, 'row')} will be skipped** (listed below)." if skipped else ".")
    )
    for note in result.notes:
        st.info(note, icon=":material/translate:")
    st.dataframe(
        [
            {
                "Line": line,
                "Name": d.name,
                "Company": d.company,
                "Role": d.role,
                "Email": d.email,
                "Circle": CIRCLES[d.circle],
                "Tie": TIES[d.tie],
            }
            for d, line in zip(shown.drafts, shown.lines)
        ],
        hide_index=True,
        width="stretch",
    )
    if len(result.drafts) > PREVIEW_ROWS:
        st.caption(f"The first {PREVIEW_ROWS} of {len(result.drafts):,}.")
    if skipped:
        st.markdown("**Rows that will be skipped**")
        st.dataframe(
            [{"Line": s.line, "Why": s.reason} for s in result.skipped[:SKIPPED_SHOWN]],
            hide_index=True,
            width="stretch",
        )


def run_import(result, circle: str, tie: str) -> None:
    """The confirm button's callback: save in one transaction, with a progress bar while it runs."""

    def action() -> None:
        bar = st.progress(0.0, text="Applying your choices…")
        try:
            summary = imports.import_people(
                workbook, result, circle, tie, progress=lambda f, text: bar.progress(f, text=text)
            )
        finally:
            bar.empty()
        st.session_state["_import_summary"] = summary  # shown with the rows skipped, below the uploader
        st.session_state.pop("_import_read", None)
        st.session_state["_upload_round"] = st.session_state.get("_upload_round", 0) + 1

    run_save("import", action)


def show_summary() -> None:
    summary = st.session_state.get("_import_summary")
    if summary is None:
        return
    st.success(summary.describe() + " Next: look for likely duplicates in the next tab.", icon=":material/check:")
    if summary.skipped:
        with st.expander(f"Why {plural(len(summary.skipped), 'row was', 'rows were')} skipped"):
            st.dataframe(
                [{"Line": s.line, "Why": s.reason} for s in summary.skipped[:SKIPPED_SHOWN]],
                hide_index=True,
                width="stretch",
            )


def show_import() -> None:
    st.caption(
        "LinkedIn's Connections.csv, a Google or Outlook contacts CSV, a vCard (.vcf) file, or any "
        "other CSV. You see everything before it is saved; importing the same file again adds nobody."
    )
    fmt = st.selectbox(
        "Format", [AUTO, *FORMATS], format_func=lambda f: FORMATS.get(f, "Detect it for me"), key="import_format"
    )
    fmt = None if fmt == AUTO else fmt
    upload = st.file_uploader("Address book file", key=f"upload_{st.session_state.get('_upload_round', 0)}")
    if upload is None:
        show_summary()
        return
    st.session_state.pop("_import_summary", None)
    data = upload.getvalue()
    try:
        mapping = ask_mapping(data) if fmt == "csv" else ()
        result = read_upload(data, fmt, mapping)
    except ImportFileError as error:
        st.error(refusal(error), icon=":material/error:")
        return
    left, right = st.columns(2)
    circle = left.selectbox(
        "Circle for these people",
        list(CIRCLES),
        format_func=CIRCLES.get,
        index=list(CIRCLES).index(result.default_circle),
        key="import_circle",
    )
    tie = right.radio(
        "Tie",
        list(TIES),
        format_func=TIES.get,
        index=list(TIES).index(result.default_tie),
        key="import_tie",
        horizontal=True,
    )
    if any(d.circle != result.default_circle for d in result.drafts):
        st.caption("People whose labels name a circle (Family, Coworkers…) keep that circle.")
    show_preview(result, apply_defaults(first_rows(result, PREVIEW_ROWS), circle, tie))
    accepted = not result.skipped or st.checkbox(
        f"Import the {plural(len(result.drafts), 'person', 'people')} above and skip the "
        f"{plural(len(result.skipped), 'row')} listed",
        key="import_accept_skips",
    )
    show("import")
    st.button(
        f"Import {plural(len(result.drafts), 'person', 'people')}",
        type="primary",
        disabled=not accepted,
        on_click=run_import,
        args=(result, circle, tie),
        icon=":material/upload:",
        key="import_confirm",
    )


# --- duplicates ---------------------------------------------------------------------------------


def merge(kept_id: int, merged_id: int, name: str) -> None:
    def action() -> str:
        imports.merge(workbook, kept_id, merged_id)
        return f"Merged into {literal(name)}: every interaction and note was kept. Undo below if wrong."

    run_save("duplicates", action)


def keep_apart(first_id: int, second_id: int) -> None:
    def action() -> str:
        imports.keep_apart(workbook, first_id, second_id)
        return "Kept apart: this pair will not be suggested again."

    run_save("duplicates", action)


def undo(merge_id: int) -> None:
    def action() -> str:
        imports.undo_merge(workbook, merge_id)
        return "Undone: both people are back as they were."

    run_save("duplicates", action)


def show_pair(pair) -> None:
    left, right = st.columns(2)
    for column, person, other in ((left, pair.first, pair.second), (right, pair.second, pair.first)):
        column.markdown(f"**{literal(person.name)}**")
        column.caption(literal(describe_contact(person)))
        column.button(
            f"Keep {person.name}, merge the other in",
            key=f"merge_{person.id}_{other.id}",
            on_click=merge,
            args=(person.id, other.id, person.name),
            icon=":material/merge:",
        )
    st.button(
        "They are different people: keep apart",
        key=f"apart_{pair.first.id}_{pair.second.id}",
        on_click=keep_apart,
        args=(pair.first.id, pair.second.id),
        icon=":material/call_split:",
    )


def show_duplicates() -> None:
    st.caption(
        "The same person can arrive from two sources (“Bill Smith” on LinkedIn, “William Smith” in "
        "Google). Merging keeps every interaction, note and reference step, and can be undone."
    )
    show("duplicates")
    if not st.toggle("Look for likely duplicates", key="dup_look"):
        show_merges()
        return
    with st.spinner("Comparing everyone's names…"):
        pairs = cached(workbook, imports.likely_duplicates)
    if not pairs:
        st.info("No likely duplicates: every name looks like a different person.", icon=":material/check:")
    else:
        labels = distinct_labels({i: f"{p.first.name} and {p.second.name} ({p.reason})" for i, p in enumerate(pairs)})
        more = " (the best 50; merge some to see more)" if len(pairs) == imports.PAIRS_SHOWN else ""
        chosen = st.selectbox(
            f"{len(pairs)} pairs to review{more}", list(labels), format_func=labels.get, key="dup_pair"
        )
        show_pair(pairs[chosen])
    show_merges()


def show_merges() -> None:
    merges = cached(workbook, imports.recent_merges)
    if not merges:
        return
    st.markdown("**Recent merges**")
    for record in merges:
        left, right = st.columns([3, 1])
        left.markdown(f"{literal(record.merged_name)} → {literal(record.kept_name)} ({record.merged_at:%d %b %H:%M})")
        right.button("Undo", key=f"undo_{record.id}", on_click=undo, args=(record.id,), icon=":material/undo:")


# --- export, backup and restore -----------------------------------------------------------------


def show_exports() -> None:
    st.caption("Spreadsheet files are safe to open: a cell that would run as a formula is shown as text.")
    now = datetime.now()
    for key, kind in EXPORTS.items():
        personal_download_button(
            kind.label,
            lambda kind=kind: kind.build(workbook, datetime.now()),
            file_name=kind.file_name(now),
            mime=kind.media_type,
            key=f"export_{key}",
            icon=":material/download:",
        )


def restored(what: str, outcome) -> str:
    kept = f" Your previous workbook was kept as {literal(outcome.previous)}." if outcome.previous else ""
    return f"Restored {literal(what)}: {plural(outcome.people, 'person', 'people')}.{kept}"


def restore_upload() -> None:
    upload = st.session_state.get(f"restore_file_{st.session_state.get('_restore_round', 0)}")

    def action() -> str:
        data, name = (upload.getvalue(), upload.name) if upload is not None else (None, "")
        return restored(name, backups.restore_upload(workbook, data, name, datetime.now()))

    run_save("restore", action)
    if upload is not None:
        st.session_state["_restore_round"] = st.session_state.get("_restore_round", 0) + 1


def restore_snapshot(path, day: str) -> None:
    run_save(
        "snapshot", lambda: restored(f"the backup of {day}", backups.restore_snapshot(workbook, path, datetime.now()))
    )


def show_backup() -> None:
    now = datetime.now()
    personal_download_button(
        "Download a backup of this workbook",
        lambda: backups.backup_bytes(workbook),
        file_name=f"workbook-{now:%Y-%m-%d}.duckdb",
        mime="application/octet-stream",
        key="backup_download",
        icon=":material/save:",
        type="primary",
    )
    st.caption("The backup is the workbook file itself: restore it here, or open it in the app on your own computer.")
    st.markdown("**Restore from a backup file**")
    st.file_uploader("Backup file (.duckdb)", key=f"restore_file_{st.session_state.get('_restore_round', 0)}")
    sure = st.checkbox("Replace everything in this workbook with the backup", key="restore_sure")
    show("restore")
    st.button(
        "Restore",
        disabled=not sure,
        on_click=restore_upload,
        icon=":material/settings_backup_restore:",
        key="restore_go",
    )
    st.caption("The file is checked first; if it is not a good workbook, nothing changes.")
    show_snapshots()


def show_snapshots() -> None:
    st.markdown("**Automatic backups**")
    kept = backups.automatic_backups(workbook, datetime.now())
    if kept.kept_on_server:
        st.caption("Your account's workbook is kept on the server; a downloaded backup is a copy of your own.")
        return
    if kept.folder is None:
        st.caption("This workbook lives only in this browser session: download a backup to keep your work.")
        return
    if kept.failure:
        st.warning(
            f"Today's automatic backup failed ({literal(kept.failure)}); download a backup by hand.",
            icon=":material/warning:",
        )
    if not kept.points:
        return
    st.write(
        f"Last good backup: **{kept.points[0].taken_at:%d %b %Y, %H:%M}**. One a day is kept for the last "
        f"{kept.keep} days, and a copy before every restore, in `{kept.folder}`."
    )
    days = distinct_labels(
        {
            s.path: f"{s.taken_at:%A %d %b %Y, %H:%M}" + (" (kept before a restore)" if s.before_restore else "")
            for s in kept.points
        }
    )
    chosen = st.selectbox("Restore an automatic backup", list(days), format_func=days.get, key="snapshot_pick")
    sure = st.checkbox("Replace everything in this workbook with that backup", key="snapshot_sure")
    show("snapshot")
    st.button(
        "Restore this backup",
        disabled=not sure,
        on_click=restore_snapshot,
        args=(chosen, days[chosen]),
        key="snapshot_go",
        icon=":material/history:",
    )


start_page("import_export")
# The URL names the open part.
draw_open_tab(
    dict(zip(SECTIONS, (show_import, show_duplicates, show_exports, show_backup), strict=True)),
    PART_PARAM,
    bind="query-params",
)
