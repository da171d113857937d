"""Your data in and out: import address books, review duplicates, export, back up and restore."""

import re
import tempfile
from datetime import datetime
from pathlib import Path

import streamlit as st

from core.errors import ImportFileError
from core.import_result import FORMATS, apply_defaults, first_rows
from core.model import CIRCLES, TIES
from fileio.csv_formats import MAPPABLE_FIELDS, guess_mapping
from fileio.reader import read_columns, read_contacts
from services.exports import EXPORTS
from store import InvalidInput, WorkbookError, imports
from store import backup as backups
from store import contacts as people
from ui.cache import cached
from ui.session import current_workbook
from ui.widgets import flash, set_flash

SECTIONS = ["Import", "Duplicates", "Export", "Backup and restore"]
PREVIEW_ROWS = 50
SKIPPED_SHOWN = 200
PAIRS_SHOWN = 50
NONE = ""
AUTO = "auto"
workbook = current_workbook()
snapshots_in = backups.snapshot_folder(workbook)


# --- import -------------------------------------------------------------------------------------


def read_upload(data: bytes, fmt: str | None, mapping: tuple) -> object:
    """The file read (cached in the session, so reruns do not read it again)."""
    key = (hash(data), fmt, mapping)
    held = st.session_state.get("_import_read")
    if held is None or held[0] != key:
        bar = st.progress(0.0, text="Reading the file…")
        try:
            result = read_contacts(
                data, fmt=fmt, mapping=dict(mapping) or None, progress=lambda f, text: bar.progress(f, text=text)
            )
        finally:
            bar.empty()
        held = (key, result)
        st.session_state["_import_read"] = held
    return held[1]


def ask_mapping(data: bytes) -> tuple:
    """For any other CSV: which column holds which field (guessed first)."""
    columns = read_columns(data)
    guess = guess_mapping(columns)
    st.markdown("**Which column holds what?** Pick a full-name column, or first and last name columns.")
    cols = st.columns(4)
    chosen = {}
    for index, (field, label) in enumerate(MAPPABLE_FIELDS.items()):
        options = [NONE, *columns]
        default = options.index(guess[field]) if field in guess else 0
        pick = cols[index % 4].selectbox(
            label, options, index=default, key=f"map_{field}", format_func=lambda c: c or "(none)"
        )
        if pick:
            chosen[field] = pick
    return tuple(sorted(chosen.items()))


def md(text: str) -> str:
    """User text shown through Markdown as the plain text it is (no links, emphasis or HTML)."""
    return re.sub(r"([\\`*_\[\]<>#|~$])", r"\\\1", text)


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


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
    bar = st.progress(0.0, text="Applying your choices…")
    try:
        result = apply_defaults(result, circle, tie)
        summary = imports.import_contacts(workbook, result, progress=lambda f, text: bar.progress(f, text=text))
    except (InvalidInput, WorkbookError) as error:
        set_flash("error", f"{error}", "_import_flash")
        return
    finally:
        bar.empty()
    st.session_state["_import_summary"] = summary
    st.session_state.pop("_import_read", None)
    st.session_state["_upload_round"] = st.session_state.get("_upload_round", 0) + 1


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
    flash("_import_flash")
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
        st.error(f"{error} Nothing was saved.", icon=":material/error:")
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
    try:
        imports.merge_contacts(workbook, kept_id, merged_id)
    except InvalidInput as error:
        set_flash("error", str(error), "_dup_flash")
        return
    set_flash("success", f"Merged into {name}: every interaction and note was kept. Undo below if wrong.", "_dup_flash")


def keep_apart(first_id: int, second_id: int) -> None:
    imports.keep_apart(workbook, first_id, second_id)
    set_flash("success", "Kept apart: this pair will not be suggested again.", "_dup_flash")


def undo(merge_id: int) -> None:
    try:
        imports.undo_merge(workbook, merge_id)
    except InvalidInput as error:
        set_flash("error", str(error), "_dup_flash")
        return
    set_flash("success", "Undone: both people are back as they were.", "_dup_flash")


def describe_person(contact) -> str:
    added = f"added {contact.created_at:%d %b %Y}" if contact.created_at else ""
    parts = [
        contact.company,
        contact.role,
        contact.email,
        f"{CIRCLES.get(contact.circle, contact.circle)}, {contact.tie} tie",
        f"person #{contact.id}",
        added,
    ]
    return " · ".join(p for p in parts if p)


def show_pair(pair) -> None:
    first, second = people.get_contact(workbook, pair.first_id), people.get_contact(workbook, pair.second_id)
    if first is None or second is None:
        return
    left, right = st.columns(2)
    for column, person, other in ((left, first, second), (right, second, first)):
        column.markdown(f"**{md(person.name)}**")
        column.caption(md(describe_person(person)))
        column.button(
            f"Keep {person.name}, merge the other in",
            key=f"merge_{person.id}_{other.id}",
            on_click=merge,
            args=(person.id, other.id, person.name),
            icon=":material/merge:",
        )
    st.button(
        "They are different people: keep apart",
        key=f"apart_{first.id}_{second.id}",
        on_click=keep_apart,
        args=(first.id, second.id),
        icon=":material/call_split:",
    )


def show_duplicates() -> None:
    st.caption(
        "The same person can arrive from two sources (“Bill Smith” on LinkedIn, “William Smith” in "
        "Google). Merging keeps every interaction, note and reference step, and can be undone."
    )
    flash("_dup_flash")
    if not st.toggle("Look for likely duplicates", key="dup_look"):
        show_merges()
        return
    with st.spinner("Comparing everyone's names…"):
        pairs = cached(workbook, imports.likely_duplicates, PAIRS_SHOWN)
    if not pairs:
        st.info("No likely duplicates: every name looks like a different person.", icon=":material/check:")
    else:
        names = people.contact_names(workbook, [i for p in pairs for i in (p.first_id, p.second_id)])
        labels = {
            i: f"{names.get(p.first_id, '?')} and {names.get(p.second_id, '?')} ({p.reason})"
            for i, p in enumerate(pairs)
        }
        more = " (the best 50; merge some to see more)" if len(pairs) == PAIRS_SHOWN else ""
        chosen = st.selectbox(
            f"{len(pairs)} pairs to review{more}", list(labels), format_func=labels.get, key="dup_pair"
        )
        show_pair(pairs[chosen])
    show_merges()


def show_merges() -> None:
    merges = [m for m in imports.list_merges(workbook, 5) if not m.undone]
    if not merges:
        return
    st.markdown("**Recent merges**")
    for record in merges:
        left, right = st.columns([3, 1])
        left.markdown(f"{md(record.merged_name)} → {md(record.kept_name)} ({record.merged_at:%d %b %H:%M})")
        right.button("Undo", key=f"undo_{record.id}", on_click=undo, args=(record.id,), icon=":material/undo:")


# --- export, backup and restore -----------------------------------------------------------------


def show_exports() -> None:
    st.caption("Spreadsheet files are safe to open: a cell that would run as a formula is shown as text.")
    now = datetime.now()
    for key, kind in EXPORTS.items():
        st.download_button(
            kind.label,
            data=lambda kind=kind: kind.build(workbook, datetime.now()),
            file_name=kind.file_name(now),
            mime=kind.media_type,
            key=f"export_{key}",
            icon=":material/download:",
            on_click="ignore",
        )


def restore_from(path: Path, what: str) -> None:
    try:
        previous = backups.restore_workbook(workbook, path, snapshots_in, datetime.now())
    except WorkbookError as error:
        set_flash("error", backups.describe_restore_error(error), "_restore_flash")
        return
    kept = f" Your previous workbook was kept as {previous.name}." if previous else ""
    count = plural(people.count_contacts(workbook), "person", "people")
    set_flash("success", f"Restored {what}: {count}.{kept}", "_restore_flash")


def restore_upload() -> None:
    upload = st.session_state.get(f"restore_file_{st.session_state.get('_restore_round', 0)}")
    if upload is None:
        set_flash("error", "Choose a backup file first.", "_restore_flash")
        return
    with tempfile.TemporaryDirectory(prefix="workbook-upload-") as folder:
        path = Path(folder) / "upload.duckdb"
        path.write_bytes(upload.getvalue())
        restore_from(path, upload.name)
    st.session_state["_restore_round"] = st.session_state.get("_restore_round", 0) + 1


def show_backup() -> None:
    flash("_restore_flash")
    now = datetime.now()
    st.download_button(
        "Download a backup of this workbook",
        data=lambda: backups.backup_bytes(workbook),
        file_name=f"workbook-{now:%Y-%m-%d}.duckdb",
        mime="application/octet-stream",
        key="backup_download",
        icon=":material/save:",
        on_click="ignore",
        type="primary",
    )
    st.caption("The backup is the workbook file itself: restore it here, or open it in the app on your own computer.")
    st.markdown("**Restore from a backup file**")
    st.file_uploader("Backup file (.duckdb)", key=f"restore_file_{st.session_state.get('_restore_round', 0)}")
    sure = st.checkbox("Replace everything in this workbook with the backup", key="restore_sure")
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
    if snapshots_in is None:
        st.caption("This workbook lives only in this browser session: download a backup to keep your work.")
        return
    try:
        backups.snapshot_if_due(workbook, snapshots_in, datetime.now())
    except (WorkbookError, OSError) as error:
        st.warning(f"Today's automatic backup failed ({error}); download a backup by hand.", icon=":material/warning:")
    points = backups.list_restore_points(snapshots_in)
    if not points:
        return
    st.write(
        f"Last good backup: **{points[0].taken_at:%d %b %Y, %H:%M}**. One a day is kept for the last "
        f"{backups.SNAPSHOT_KEEP} days, and a copy before every restore, in `{snapshots_in}`."
    )
    days = {
        s.path: f"{s.taken_at:%A %d %b %Y, %H:%M}" + (" (kept before a restore)" if s.before_restore else "")
        for s in points
    }
    chosen = st.selectbox("Restore an automatic backup", list(days), format_func=days.get, key="snapshot_pick")
    sure = st.checkbox("Replace everything in this workbook with that backup", key="snapshot_sure")
    st.button(
        "Restore this backup",
        disabled=not sure,
        on_click=restore_from,
        args=(chosen, f"the backup of {days[chosen]}"),
        key="snapshot_go",
        icon=":material/history:",
    )


st.title("Import, export, backup")
# Only the open part runs (and the URL names it), so a visit pays for one part, not four.
importing, duplicates, exporting, backing_up = st.tabs(SECTIONS, key="section", on_change="rerun", bind="query-params")
if importing.open:
    with importing:
        show_import()
if duplicates.open:
    with duplicates:
        show_duplicates()
if exporting.open:
    with exporting:
        show_exports()
if backing_up.open:
    with backing_up:
        show_backup()
