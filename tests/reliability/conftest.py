"""The reliability suite's bookkeeping: a --soak option, and docs/reliability.md kept current.

Each test records what it tried (sessions, changes, crashes, inputs) and what was lost. When the
whole suite ran (every test file of this folder, nothing deselected), every test passed and no
soak multiplier was set, the table in docs/reliability.md is rewritten from those figures. The
figures are counts fixed by the tests' design (no timestamps, Hypothesis derandomised), so the
file only changes when the suite itself changes. Under pytest-xdist each worker writes its part to
a folder shared by the run; whichever worker finishes last with the full picture writes the file.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REPORT = ROOT / "docs" / "reliability.md"
SOAK_REPORT = ROOT / "artifacts" / "reliability-soak.md"
SOAK_ENV = "RELIABILITY_SOAK"
AREAS = (
    "Concurrent sessions",
    "Crashes",
    "Two programs, one file",
    "Hostile input",
    "Isolation and access",
    # The headings of issue 14, each case of which is tried on every run.
    "Shared mode keeps what it promised to drop",
    "One visitor can take the server",
    "What participants type reaches the projected screen",
    "Bad files",
    "A stale form overwrites a newer save",
)
COLUMNS = ("sessions", "changes", "crashes", "inputs", "lost")

_records: list[dict] = []
_outcomes: dict[str, bool] = {}
_deselected: list[str] = []


def soak_factor(config: pytest.Config) -> int:
    """1 for the CI run; N under --soak N or RELIABILITY_SOAK=N."""
    try:
        chosen = config.getoption("--soak")
    except ValueError:  # the option is registered only when this folder is named on the command line
        chosen = None
    if chosen is None:
        chosen = int(os.environ.get(SOAK_ENV, "1") or "1")
    return max(1, int(chosen))


def pytest_configure(config: pytest.Config) -> None:
    # Test modules size their Hypothesis runs when imported, so they read the factor from here.
    factor = soak_factor(config)
    if factor > 1:
        os.environ[SOAK_ENV] = str(factor)


@pytest.fixture(scope="session")
def soak(pytestconfig) -> int:
    """How many times larger than the CI run this run is (1 in CI)."""
    return soak_factor(pytestconfig)


@pytest.fixture
def record(request) -> Callable[..., None]:
    """Note one kind of trial for docs/reliability.md: what was tried, how many, what was lost."""

    def note(area: str, what: str, **counts: int) -> None:
        assert area in AREAS, f"unknown area {area!r}"
        unknown = set(counts) - set(COLUMNS)
        assert not unknown, f"unknown columns {unknown}"
        _records.append(
            {"test": request.node.nodeid, "area": area, "what": what, **{c: int(counts.get(c, 0)) for c in COLUMNS}}
        )

    return note


def _mine(nodeid: str) -> bool:
    return nodeid.replace("\\", "/").split("::")[0].startswith("tests/reliability/")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if not _mine(report.nodeid):
        return
    _outcomes[report.nodeid] = _outcomes.get(report.nodeid, True) and report.passed


def pytest_deselected(items: list[pytest.Item]) -> None:
    _deselected.extend(item.nodeid for item in items if _mine(item.nodeid))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    collected = sorted(item.nodeid for item in getattr(session, "items", []) if _mine(item.nodeid))
    if not collected:  # the xdist controller collects nothing; its workers report
        return
    run = Path(tempfile.gettempdir()) / f"jnw-reliability-{os.environ.get('PYTEST_XDIST_TESTRUNUID', os.getpid())}"
    run.mkdir(exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    part = {
        "records": _records,
        "outcomes": _outcomes,
        "collected": collected,
        "deselected": _deselected,
        "soak": soak_factor(session.config),
    }
    (run / f"{worker}.json").write_text(json.dumps(part))
    with (run / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        parts = [json.loads(p.read_text()) for p in sorted(run.glob("*.json"))]
        if _whole_suite_passed(parts):
            records = [r for p in parts for r in p["records"]]
            factor = max(p["soak"] for p in parts)
            if factor == 1:
                write_report(records)
            else:  # a soak run's figures go beside the screenshots, for people to look at
                SOAK_REPORT.parent.mkdir(exist_ok=True)
                SOAK_REPORT.write_text(f"<!-- soak run, --soak {factor} -->\n" + render_report(records))
    if len(parts) >= int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")):
        shutil.rmtree(run, ignore_errors=True)  # every worker has reported: the scratch folder can go


def _whole_suite_passed(parts: list[dict]) -> bool:
    collected = set(parts[0]["collected"])
    outcomes: dict[str, bool] = {}
    for part in parts:
        for nodeid, ok in part["outcomes"].items():
            outcomes[nodeid] = outcomes.get(nodeid, True) and ok
    files = {n.split("::")[0] for n in collected}
    every_file = {f"tests/reliability/{p.name}" for p in HERE.glob("test_*.py")}
    return files == every_file and not any(p["deselected"] for p in parts) and all(outcomes.get(n) for n in collected)


def summarise(records: list[dict]) -> list[tuple[str, str, dict[str, int]]]:
    """One row per (area, what), in the fixed order of the areas, counts added up."""
    rows: dict[tuple[str, str], dict[str, int]] = {}
    for r in records:
        totals = rows.setdefault((r["area"], r["what"]), dict.fromkeys(COLUMNS, 0))
        for c in COLUMNS:
            totals[c] += r[c]
    return sorted(((a, w, t) for (a, w), t in rows.items()), key=lambda row: (AREAS.index(row[0]), row[1]))


def render_report(records: list[dict]) -> str:
    """docs/reliability.md as text: the table of what was tried, then how to read and refresh it."""
    rows = summarise(records)
    lines = [
        "# Reliability: what was tried, and what was lost",
        "",
        "This file is written by the reliability suite (`tests/reliability/`), which runs in the README's",
        "test command (`make test`). Every figure below is a count the tests recorded while they ran,",
        "and every test asserts that nothing was lost; the file is rewritten only when the whole suite",
        "ran and passed, so a figure here is one the suite has just proved. Do not edit it by hand.",
        "",
        "| area | what was tried | sessions | changes | crashes | inputs | lost |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    totals = dict.fromkeys(COLUMNS, 0)
    for area, what, counts in rows:
        for c in COLUMNS:
            totals[c] += counts[c]
        cells = " | ".join(f"{counts[c]:,}" if counts[c] else "–" for c in COLUMNS[:-1])
        lines.append(f"| {area} | {what} | {cells} | {counts['lost']:,} |")
    cells = " | ".join(f"**{totals[c]:,}**" for c in COLUMNS)
    lines.append(f"| **all** | | {cells} |")
    lines += [
        "",
        "Columns: *sessions* are app sessions (AppTest runs of the real app, or browser tabs on the",
        "real server) that worked at the same time; *changes* are saved answers each checked in the",
        "file afterwards; *crashes* are processes killed with SIGKILL mid-write and reopened;",
        "*inputs* are hostile or random inputs tried (files, names, notes, backups, asks); *lost* is",
        "committed changes missing afterwards plus inputs that escaped as HTML, formulas or tracebacks.",
        "",
        "## How it is kept current",
        "",
        "- Figures are counts fixed by the tests' design, not timings or dates, and the Hypothesis",
        "  tests here are derandomised, so the file does not churn from run to run: it changes when",
        "  the suite changes. It is written only when every test file of `tests/reliability/` was",
        "  collected, nothing was deselected and every test passed (running one test leaves it alone).",
        "- A longer soak run multiplies sessions, changes, crashes and inputs:",
        "  `pytest tests/reliability --soak 5` (or `RELIABILITY_SOAK=5 make test`). Soak runs use fresh",
        "  random seeds and write their table to `artifacts/reliability-soak.md` instead of this file.",
        "",
        "## What the suite checks",
        "",
        "- **Concurrent sessions:** twenty sessions of the app on one local workbook file, each saving",
        "  changes through tip 1's form while the others save goals, outreach, ratings, the ledger and",
        "  people through the store on the same open workbook; every change is in the file afterwards",
        "  and no session shows an error. In shared mode, twenty private sessions at once never see",
        "  each other's people. (AppTest swaps a process-wide runtime per script run, so page runs",
        "  take turns; the store writes of the other sessions overlap them.) On the real server,",
        "  browser tabs press “Add person” at the same instant, so their script runs truly overlap.",
        "- **Crashes:** a writer process killed with SIGKILL mid-save keeps every answer it reported",
        "  as saved; a 30,000-row import killed mid-transaction is all there or not at all; the real",
        "  server killed with SIGKILL restarts on its file with every saved person.",
        "- **Two programs, one file:** the `workbook` command run while the app holds the file exits",
        "  with one line naming the other program, never a traceback, and the file keeps its data.",
        "- **Hostile input:** every importer, the restore check (random bytes, backups cut short or",
        "  with flipped bits, another program's DuckDB file) and the ask checker, fed random and",
        "  hostile bytes, fail only with their one-line error; names such as `<script>` tags and",
        "  `javascript:` links show as text and run nothing; exported CSV cannot start a formula;",
        "  10,000-character, right-to-left and emoji text round-trips.",
        "- **Isolation and access:** the facilitator view opens only with the room's own key; the",
        "  workshop's room store holds no names; the server log holds none of the names or emails",
        "  typed in; a 51 MB upload is refused in the browser and imports nothing.",
        "- **Shared mode keeps what it promised to drop:** on the real server, a backup download",
        "  reaches its browser, and seconds later its address answers nobody (no session, tab closed);",
        "  an idle tab past the grace period is told its workbook was wiped; “Wipe my workbook now”",
        "  leaves an old cookie and a copied address opening nothing; no address bar shows a token or",
        "  a facilitator's key. In the services,",
        "  quiet visitors' workbooks go by the timer with nobody else visiting, a released workbook's",
        "  uploads leave Streamlit's memory, and a private workbook near its budget writes nothing to disk.",
        "- **One visitor can take the server:** a 27 MB, 1,000,000-row address book and one over the",
        "  people budget are refused in one line with nothing saved and little memory used; a change",
        "  over a private workbook's memory is refused; visits and workshop joins that save nothing",
        "  cost no database; past the cap of open workbooks or the memory guard a save is refused",
        "  and the others keep theirs; one session opening 1,000 rooms or joining 1,000 times is",
        "  stopped while a real facilitator still opens one; every page of the real server asks no",
        "  other host for anything, its page icon included.",
        "- **What participants type reaches the projected screen:** nicknames holding markdown,",
        "  links, images, headings, KaTeX and colours show as typed on the real facilitator's screen",
        "  and fetch nothing; 1 MB, control and direction-override nicknames are refused, nobody joins.",
        "- **Bad files:** backups whose schema version is `'abc'`, NULL or `'-1'` are refused in one",
        "  line in local and shared mode; CSV line ends inside quoted names keep rows whole; a NUL",
        "  byte anywhere is refused (as not text in the first 8 KB, by its line past them); over-long",
        "  fields are skipped with the reason;",
        "  `workbook export --db` a mistyped path is refused and creates nothing; a snapshot writer",
        "  killed with SIGKILL mid-write leaves a `.partial` that the next snapshot clears.",
        "- **A stale form overwrites a newer save:** two tabs of tip 1 on one file, and two editors on",
        "  one workbook on DuckDB and on PostgreSQL: a stale editor saves only the fields its user",
        "  changed, and one changing a field changed since is refused with the fresh values shown.",
        "",
    ]
    return "\n".join(lines)


def write_report(records: list[dict]) -> None:
    """Rewrite docs/reliability.md when its text changed."""
    text = render_report(records)
    if not REPORT.exists() or REPORT.read_text() != text:
        REPORT.parent.mkdir(exist_ok=True)
        REPORT.write_text(text)
