"""`workbook bench`: every page and main interaction timed with AppTest on an empty and a demo
workbook, a LinkedIn import, the cold start in Chromium and the server's memory; a table of it
all, checked against the targets (the exit code is 3 when one is missed)."""

from __future__ import annotations

import contextlib
import os
import platform
import re
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bench.pages import INTERACTIONS, PageTiming, Timing, page_files

TARGET_PAGE_MS = 300
TARGET_INTERACTION_MS = 300
TARGET_IMPORT_S = 3.0
TARGET_COLD_START_S = 5.0
TARGET_MEMORY_MB = 400
MISSED = 3
# Felt time, against the floor (a trivial app's click, its median): the targets.
TARGET_FLOOR_MEDIAN = 2.0
TARGET_FLOOR_P95 = 3.0
TARGET_DEMO_OVER_EMPTY = 1.5
FLOOR_ROWS = (10, 25, 50)  # the floor timed again drawing this many rows: Streamlit's cost per element


@dataclass
class Report:
    """The lines of the table, and the targets missed."""

    lines: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> str:
        if not ok:
            self.missed.append(what)
        return "yes" if ok else "**NO**"


def load_average() -> str:
    """The 1-minute load average: a busy machine stretches wall-clock times."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def machine() -> str:
    """The machine in one line: CPU model and count, memory, Python, OS."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    try:
        kb = int(
            next(
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            )
        )
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        memory = ""
    return (
        f"{cpu}, {os.cpu_count()} CPUs{memory}; Python {platform.python_version()} on "
        f"{platform.system()} {platform.release()}"
    )


def make_demo_file(path: Path, contacts: int):
    """Write the demo workbook to ``path``; returns the demo data (for its row counts)."""
    from core.demo import make_demo
    from store import open_workbook
    from store.bulk import load_tables

    book = open_workbook(path)
    data = make_demo(contacts, seed=7, today=date.today())
    load_tables(book, data.tables)
    book.close()
    return data


def add_page_table(report: Report, empty: dict[str, PageTiming | str], demo: dict[str, PageTiming | str]) -> None:
    report.lines += [
        "## Pages",
        "",
        "Full script run of each page (AppTest). *After a write* = the run right after a save, every "
        "cached result stale (the target applies to it); *warm* = a rerun with nothing changed.",
        "",
        "| page | empty median ms | empty p95 ms | demo median ms | demo p95 ms | demo / empty | "
        f"demo CPU median ms | demo warm median ms | under {TARGET_PAGE_MS} ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for page, timing in demo.items():
        if isinstance(timing, str) or isinstance(empty[page], str):
            problem = timing if isinstance(timing, str) else empty[page]
            report.check(False, f"page {page}: {problem}")
            report.lines.append(f"| {page} | {problem} | | | | | | | **NO** |")
            continue
        base, cold = empty[page].after_write, timing.after_write
        ok = report.check(cold.median < TARGET_PAGE_MS, f"page {page}: {cold.median:.0f} ms median")
        report.lines.append(
            f"| {page} | {base.median:.0f} | {base.p95:.0f} | {cold.median:.0f} | {cold.p95:.0f} | "
            f"{cold.median / max(base.median, 0.1):.1f}x | {cold.cpu_median:.0f} | {timing.warm.median:.0f} | {ok} |"
        )


def add_interaction_table(report: Report, empty: dict[str, Timing | str], demo: dict[str, Timing | str]) -> None:
    report.lines += [
        "",
        "## Interactions",
        "",
        "The run that processes the click (AppTest): the save, then the page's rerun with fresh data.",
        "",
        f"| interaction | page | empty median ms | empty p95 ms | demo median ms | demo p95 ms | demo / empty | "
        f"demo CPU median ms | under {TARGET_INTERACTION_MS} ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for interaction in INTERACTIONS:
        base, timing = empty[interaction.name], demo[interaction.name]
        if isinstance(timing, str) or isinstance(base, str):
            problem = timing if isinstance(timing, str) else base
            report.check(False, f"{interaction.name}: {problem}")
            report.lines.append(f"| {interaction.name} | {interaction.page} | {problem} | | | | | | **NO** |")
            continue
        ok = report.check(timing.median < TARGET_INTERACTION_MS, f"{interaction.name}: {timing.median:.0f} ms median")
        report.lines.append(
            f"| {interaction.name} | {interaction.page} | {base.median:.0f} | {base.p95:.0f} | {timing.median:.0f} | "
            f"{timing.p95:.0f} | {timing.median / max(base.median, 0.1):.1f}x | {timing.cpu_median:.0f} | {ok} |"
        )


def add_server_table(report: Report, imported: dict[str, float], import_rows: int, browser) -> None:
    report.lines += [
        "",
        "## Import, cold start, memory",
        "",
        "| measure | figure | target | met |",
        "|---|---:|---:|:-:|",
    ]
    total = imported["total_s"]
    report.lines += [
        f"| LinkedIn import, {import_rows:,} rows: read + save | {total:.2f} s | {TARGET_IMPORT_S:.0f} s | "
        f"{report.check(total < TARGET_IMPORT_S, f'import: {total:.2f} s')} |",
        f"| the same import: read / save / again (adds nothing) | {imported['read_s']:.2f} / {imported['save_s']:.2f}"
        f" / {imported['reimport_s']:.2f} s | | |",
        f"| CPU time of all that, with making the file | {imported.get('cpu_s', float('nan')):.2f} s | | |",
    ]
    if browser is None:
        report.lines.append("| cold start, memory | not run (--skip-browser) | | |")
        return
    cold, peak = browser.first_page_s, browser.local_peak_mb
    report.lines += [
        f"| cold start: `streamlit run` to the home page's title in Chromium | {cold:.2f} s | "
        f"{TARGET_COLD_START_S:.0f} s | {report.check(cold < TARGET_COLD_START_S, f'cold start: {cold:.2f} s')} |",
        f"| of which: server answering /_stcore/health | {browser.server_ready_s:.2f} s | | |",
        f"| the server's CPU time until that first page | {browser.first_page_cpu_s:.2f} s | | |",
        f"| peak resident memory, demo workbook, {browser_sessions()} sessions on different pages | {peak:.0f} MB | "
        f"{TARGET_MEMORY_MB} MB | {report.check(peak < TARGET_MEMORY_MB, f'memory: {peak:.0f} MB')} |",
        f"| shared mode: peak resident memory with {browser_sessions()} visitors | {browser.shared_peak_mb:.0f} MB | "
        f"{TARGET_MEMORY_MB} MB | {report.check(browser.shared_peak_mb < TARGET_MEMORY_MB, 'shared memory')} |",
        f"| shared mode: memory each visitor adds (a private in-memory workbook) | "
        f"{browser.shared_per_visitor_mb:.1f} MB | | |",
    ]


def _ms(timing) -> str:
    return f"{timing.median:.0f} | {timing.p95:.0f}"


def add_felt_table(report: Report, felt) -> None:
    """Felt time in Chromium: every page and interaction in ms and as a ratio to the floor, with the targets."""
    floor = felt.floor.median
    demo = felt.demo or felt.empty
    report.lines += [
        "",
        "## Felt time in the browser",
        "",
        "From the click (pointer or key down) until the page has settled in headless Chromium against the real "
        "server: no running icon, no skeleton, nothing stale, and the server's *script finished* after the click, "
        "read frame by frame in the page. The **floor** is a trivial Streamlit app's button click "
        f"(bench/floor_app.py) in the same run: **median {floor:.0f} ms, p95 {felt.floor.p95:.0f} ms** over "
        f"{len(felt.floor.runs)} clicks. Ratios are to the floor's median. Targets on the "
        f"{'demo' if felt.demo else 'empty'} workbook: median within {TARGET_FLOOR_MEDIAN:g}x the floor, p95 within "
        f"{TARGET_FLOOR_P95:g}x, and no page more than {TARGET_DEMO_OVER_EMPTY:g}x its empty-workbook median. "
        f"Load average (1 min) {felt.load[0]:.1f} at the start of this part, {felt.load[1]:.1f} at its end.",
        *_page_floor_lines(felt),
        *_rows_floor_lines(felt),
        "",
        "| click | page | empty median ms | empty p95 ms | demo median ms | demo p95 ms | median / floor | "
        "p95 / floor | demo / empty | met |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    rows = [("open " + t, t, felt.empty.pages[t], demo.pages.get(t), True) for t in felt.empty.pages]
    rows += [
        (name, where, felt.empty.interactions[name], demo.interactions.get(name), False)
        for name, where in felt.interaction_pages.items()
    ]
    for what, where, base, timing, is_page in rows:
        if isinstance(timing, str) or isinstance(base, str) or timing is None:
            problem = next(t for t in (base, timing) if isinstance(t, str) or t is None) or "not run"
            report.check(False, f"{what}: {problem}")
            report.lines.append(f"| {what} | {where} | {problem} | | | | | | | **NO** |")
            continue
        over = timing.median / max(base.median, 0.1)
        ok = timing.median <= TARGET_FLOOR_MEDIAN * floor and timing.p95 <= TARGET_FLOOR_P95 * floor
        if is_page and felt.demo is not None:
            ok = ok and over <= TARGET_DEMO_OVER_EMPTY
        met = report.check(
            ok, f"{what}: {timing.median:.0f} ms median ({timing.median / floor:.1f}x), p95 {timing.p95:.0f} ms"
        )
        demo_cells = _ms(timing) if felt.demo is not None else "not run | not run"
        ratio = f"{over:.1f}x" if felt.demo is not None else "not run"
        report.lines.append(
            f"| {what} | {where} | {_ms(base)} | {demo_cells} | {timing.median / floor:.1f}x | "
            f"{timing.p95 / floor:.1f}x | {ratio} | {met} |"
        )


def _page_floor_lines(felt) -> list[str]:
    if felt.page_floor is None:
        return []
    page_floor, floor = felt.page_floor, felt.floor.median
    return [
        "",
        "What Streamlit itself spends on changing pages: a trivial two-page app's sidebar switch "
        f"(bench/floor_pages_app.py) takes **median {page_floor.median:.0f} ms, p95 {page_floor.p95:.0f} ms** "
        f"({page_floor.median / floor:.1f}x the floor) over {len(page_floor.runs)} switches; no page switch "
        "can beat it.",
    ]


def _rows_floor_lines(felt) -> list[str]:
    if len(felt.rows_floor) < 2:
        return []
    floor, timed = felt.floor.median, sorted(felt.rows_floor.items())
    (fewest, first), (most, last) = timed[0], timed[-1]
    each = (last.median - first.median) / (most - fewest)
    sizes = "; ".join(f"{rows} rows {t.median:.0f} ms ({t.median / floor:.1f}x)" for rows, t in timed)
    as_list = "".join(
        f" The same {rows} rows as one element, as the workbook draws its lists (ui/action_list.py): "
        f"**{t.median:.0f} ms** ({t.median / floor:.1f}x)."
        for rows, t in sorted(felt.list_floor.items())
    )
    return [
        "",
        "What Streamlit itself spends on each element a page draws: the same floor with rows below its button, "
        "each a line that changes with every click beside a button, in two columns (the shape tip 6's list "
        f"and tip 3's open loops had): {sizes}. That is about **{each:.1f} ms a row**, before any data is read."
        + as_list,
    ]


def add_payload_table(report: Report, felt) -> None:
    """What each page sends the browser on the demo (decoded from the websocket): where the time goes."""
    demo = felt.demo or felt.empty
    if not demo.payloads:
        return
    report.lines += [
        "",
        "## What each page sends",
        "",
        "One sidebar switch to each page on the "
        f"{'demo' if felt.demo else 'empty'} workbook, decoded from the websocket's frames (ForwardMsg): bytes "
        "received, messages (of which *cached*: the browser had them and got a reference only), new elements "
        "(of which widgets), element containers in the settled page, dataframes (rows, KB of Arrow data), "
        "Vega-Lite charts (spec KB, data rows, data KB) and the most frequent elements.",
        *_replay_lines(felt),
        "",
        "| page | median ms | replayed median ms | KB received | messages (cached) | elements (widgets) | "
        "in the page | dataframe rows / KB | chart spec KB / rows / KB | most frequent |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for title, p in sorted(demo.payloads.items(), key=lambda kv: -kv[1].bytes):
        timing = demo.pages.get(title)
        ms = f"{timing.median:.0f}" if hasattr(timing, "median") else "?"
        replayed = felt.replayed.get(title, "not run")
        replayed_ms = f"{replayed.median:.0f}" if hasattr(replayed, "median") else replayed
        report.lines.append(
            f"| {title} | {ms} | {replayed_ms} | {p.bytes / 1024:.1f} | {p.messages} ({p.cached}) | "
            f"{p.elements} ({p.widgets}) | {p.dom_elements} / {p.replayed_elements} | "
            f"{p.dataframe_rows:,} / {p.dataframe_bytes / 1024:.1f} | "
            f"{p.chart_spec_bytes / 1024:.1f} / {p.chart_rows:,} / {p.chart_data_bytes / 1024:.1f} | {p.biggest()} |"
        )


def _replay_lines(felt) -> list[str]:
    live = (felt.demo or felt.empty).pages
    pairs = [
        (live[title].median, replayed.median)
        for title, replayed in felt.replayed.items()
        if hasattr(replayed, "median") and hasattr(live.get(title), "median")
    ]
    if not pairs:
        return []
    share = sum(replayed for _, replayed in pairs) / sum(live for live, _ in pairs)
    return [
        "",
        "*Replayed*: the same frames sent back by an app that reads and computes nothing "
        "(bench/replay_app.py, with the workbook's pages in its sidebar and its layout), switched to in the "
        "same order: what the browser spends drawing what each page draws, Streamlit's share of the page's "
        "time. Over these pages "
        f"it is **{share:.0%}** of the workbook's median; the rest is mostly the workbook's own server run. "
        "*In the page* counts the element containers once settled, live and (after the slash) replayed.",
    ]


def browser_sessions() -> int:
    from bench.browser import SESSIONS

    return SESSIONS


def run_bench(
    contacts: int,
    runs: int,
    output: str | None,
    import_rows: int = 30_000,
    browser: bool = True,
    postgres: str | None = None,
    felt_runs: int = 5,
    fail: bool = True,
) -> int:
    """Measure everything, print the table (and write it as Markdown); 3 on a missed target if ``fail``."""
    from bench import pages as bench_pages
    from bench.imports import bench_linkedin_import

    load_at_start = load_average()
    with tempfile.TemporaryDirectory(prefix="workbook-bench-") as name:  # the demo files are tens of MB each
        folder = Path(name)
        empty_path, demo_path = folder / "empty.duckdb", folder / "demo.duckdb"
        started = time.perf_counter()
        data = make_demo_file(demo_path, contacts)
        demo_seconds = time.perf_counter() - started
        pages = page_files()
        timings = {}
        for path in (empty_path, demo_path):
            timings[path] = (bench_pages.time_pages(path, pages, runs), bench_pages.time_interactions(path, runs))
            bench_pages.release_book(path)
        cpu = time.process_time()
        imported = {**bench_linkedin_import(import_rows), "cpu_s": time.process_time() - cpu}
        on_postgres = None
        if postgres:  # the same pages after a write on an account in PostgreSQL, and the import into one
            from bench.postgres import bench_postgres

            on_postgres = bench_postgres(postgres, contacts, runs, import_rows, demo_path, pages)
        figures = felt = None
        if browser:
            from bench.browser import measure_browser
            from bench.felt import measure_felt

            felt = measure_felt(empty_path, demo_path, felt_runs, floor_rows=FLOOR_ROWS)
            figures = measure_browser(demo_path)
    report = Report(
        [
            f"Machine: {machine()}",
            f"Demo workbook: {data.rows('contacts'):,} contacts, {data.rows('interactions'):,} interactions "
            f"(made in {demo_seconds:.1f} s); empty workbook: a new file.",
            f"Runs: {runs} per page and per interaction, after one warm-up run. Load average (1 min) at the start "
            f"{load_at_start}, at the end {load_average()}, on {os.cpu_count()} CPUs: above the CPU count, other "
            "work stretched the wall-clock times, and the CPU column is the steadier figure.",
            "",
        ]
    )
    if felt is not None:
        add_felt_table(report, felt)
        add_payload_table(report, felt)
        report.lines += ["", "## Script runs (AppTest)", ""]
    add_page_table(report, timings[empty_path][0], timings[demo_path][0])
    add_interaction_table(report, timings[empty_path][1], timings[demo_path][1])
    add_server_table(report, imported, import_rows, figures)
    if on_postgres is not None:
        report.lines += on_postgres.lines
        report.missed += on_postgres.missed
    report.lines += ["", "Targets missed: " + ("; ".join(report.missed) if report.missed else "none.")]
    table = "\n".join(report.lines)
    print(table)
    if output:
        write_markdown(
            Path(output),
            f"Written by `workbook bench` on {date.today():%d %b %Y} (`workbook bench "
            f"--contacts {contacts} --runs {runs} --felt-runs {felt_runs}`). Figures, not promises: rerun it on your "
            f"machine.\n\n{table}",
        )
    return MISSED if report.missed and fail else 0


NOTES_MARK = "<!-- Written by hand below this line; `workbook bench --output` keeps it. -->"
SECTION = re.compile(r"<!-- begin (\w+) -->\n(.*?)\n<!-- end \1 -->", re.S)
SECTION_ORDER = ("main", "workshop", "growth")


def write_markdown(path: Path, body: str, section: str = "main") -> None:
    """Write the figures to ``path`` as its ``section`` (main, workshop or growth), keeping the other
    sections and any notes written by hand below NOTES_MARK."""
    old = path.read_text() if path.exists() else ""
    head, _, notes = old.partition(NOTES_MARK)
    sections = dict(SECTION.findall(head))
    sections[section] = body
    order = [*SECTION_ORDER, *(k for k in sections if k not in SECTION_ORDER)]
    parts = [f"<!-- begin {k} -->\n{sections[k]}\n<!-- end {k} -->" for k in order if k in sections]
    path.write_text("# Performance\n\n" + "\n\n".join(parts) + f"\n\n{NOTES_MARK}{notes or chr(10)}")


# --- the workshop ---------------------------------------------------------------------------------

TARGET_WORKSHOP_MB = 1024


def workshop_table(steps: list, full) -> Report:
    """The load test's table: each size, then the full run; errors and memory are targets, the knee is reported."""
    from bench.workshop import KNEE_MS, knee, summary

    report = Report()
    runs = [*steps, full]
    found = knee(runs)
    report.lines += [
        "## A workshop on one server",
        "",
        "The real server in shared mode; one facilitator's dashboard refreshing by itself every 5 s and N "
        "participants, each a real Streamlit session over the websocket (bench/client.py speaks the browser's "
        "protocol), joining over "
        "the first 10 s and then every 5-15 s adding a person (tip 1), taking the quiz (tip 4) or sharing (workshop "
        "page). An interaction is one script run, from the message sent to its *script finished* (a page switch and a "
        "click each count once).",
        "",
        "| participants | seconds | participant runs | p50 ms | p95 ms | max ms | dashboard runs | p50 ms | p95 ms "
        "| max ms | errors | server RSS MB (start / end / peak) | MB per participant | load avg |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for f in runs:
        p, d = summary(f.participant_ms), summary(f.dashboard_ms)
        if f.participants <= full.participants:  # larger steps look for the knee, past what the server promises
            report.check(not f.errors, f"workshop of {f.participants}: {len(f.errors)} errors")
            report.check(f.peak_mb < TARGET_WORKSHOP_MB, f"workshop of {f.participants}: {f.peak_mb:.0f} MB")
        report.lines.append(
            f"| {f.participants} | {f.seconds:.0f} | {len(f.participant_ms)} | {p[0]:.0f} | {p[1]:.0f} | {p[2]:.0f} | "
            f"{len(f.dashboard_ms)} | {d[0]:.0f} | {d[1]:.0f} | {d[2]:.0f} | {len(f.errors)} | "
            f"{f.rss_start_mb:.0f} / {f.rss_end_mb:.0f} / {f.peak_mb:.0f} | {f.per_participant_mb:.1f} | "
            f"{f.load[0]:.1f} → {f.load[1]:.1f} |"
        )
    report.lines += [
        "",
        f"Knee (the fewest participants at which the participants' p95 passed {KNEE_MS / 1000:g} s): "
        + (f"**{found}**." if found else f"not reached up to {max(f.participants for f in runs)}."),
        f"Targets, up to {full.participants} participants: no errors; server memory under {TARGET_WORKSHOP_MB} MB.",
    ]
    errors = [e for f in runs for e in f.errors]
    if errors:
        report.lines += ["", "Errors (the first 10):", "", *(f"- {e}" for e in errors[:10])]
    report.lines += ["", "Targets missed: " + ("; ".join(report.missed) if report.missed else "none.")]
    return report


def run_workshop_bench(
    participants: int, minutes: float, steps: list[int], step_seconds: float, output: str | None, fail: bool = True
) -> int:
    """The knee's steps, smaller or larger (each on a fresh server), then the full workshop; 3 on a missed target."""
    from bench.workshop import run_workshop

    measured = [run_workshop(n, step_seconds) for n in sorted(set(steps) - {participants})]
    full = run_workshop(participants, minutes * 60)
    report = workshop_table(measured, full)
    table = "\n".join([f"Machine: {machine()}", "", *report.lines])
    print(table)
    if output:
        command = f"workbook bench --workshop --participants {participants} --minutes {minutes:g}"
        write_markdown(Path(output), f"Written by `{command}` on {date.today():%d %b %Y}.\n\n{table}", "workshop")
    return MISSED if report.missed and fail else 0


# --- growth ---------------------------------------------------------------------------------------

GROWTH_SIZES = (1_000, 10_000, 30_000, 100_000)


def growth_table(sizes: list[int], pages: dict[int, dict], made_s: dict[int, float], load: tuple) -> list[str]:
    """Each page's felt median at each size, and the largest over the smallest (flat is the goal)."""
    titles = list(next(iter(pages.values())))
    lines = [
        "## Growth",
        "",
        "Each page's felt time (median ms of a sidebar click until the page settles, as above) on demo workbooks "
        f"of {', '.join(f'{n:,}' for n in sizes)} contacts, one fresh server each. Load average (1 min) "
        f"{load[0]:.1f} at the start, {load[1]:.1f} at the end.",
        "",
        "| page | " + " | ".join(f"{n:,}" for n in sizes) + f" | {sizes[-1]:,} / {sizes[0]:,} |",
        "|---|" + "---:|" * (len(sizes) + 1),
    ]
    for title in titles:
        cells, first, last = [], None, None
        for n in sizes:
            timing = pages[n].get(title)
            if hasattr(timing, "median"):
                cells.append(f"{timing.median:.0f}")
                first = timing.median if first is None else first
                last = timing.median
            else:
                cells.append(str(timing))
        ratio = f"{last / first:.1f}x" if first and last else ""
        lines.append(f"| {title} | " + " | ".join(cells) + f" | {ratio} |")
    lines += ["", "Making each demo workbook took " + ", ".join(f"{made_s[n]:.0f} s ({n:,})" for n in sizes) + "."]
    return lines


def run_growth(sizes: list[int], runs: int, output: str | None) -> int:
    """Every page's felt time at each workbook size; printed, and written as the growth section."""
    from playwright.sync_api import sync_playwright

    from bench.felt import _launch, seed, time_workbook

    pages, made = {}, {}
    load_start = os.getloadavg()[0]
    with sync_playwright() as p, tempfile.TemporaryDirectory(prefix="workbook-growth-") as name:
        folder = Path(name)
        browser = _launch(p)
        try:
            for n in sizes:
                path = folder / f"demo-{n}.duckdb"
                started = time.perf_counter()
                make_demo_file(path, n)
                made[n] = time.perf_counter() - started
                seed(path, helpers=0)
                pages[n] = time_workbook(browser, path, runs, interactions=()).pages
                path.unlink(missing_ok=True)
                print(f"{n:,} contacts: done", flush=True)
        finally:
            browser.close()
    lines = growth_table(sizes, pages, made, (load_start, os.getloadavg()[0]))
    table = "\n".join(lines)
    print(table)
    if output:
        command = f"workbook bench --growth --felt-runs {runs}"
        write_markdown(Path(output), f"Written by `{command}` on {date.today():%d %b %Y}.\n\n{table}", "growth")
    return 0
