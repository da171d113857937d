"""`workbook bench`: every page's full script run timed with AppTest, on an empty and a demo workbook."""

from __future__ import annotations

import os
import platform
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 300


def _time_page(app: str, page: str, runs: int, invalidate=None) -> list[float]:
    """Milliseconds per full script run; with ``invalidate``, every run starts with cold caches."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(app, default_timeout=120)
    at.run()
    if page != "home.py":
        at.switch_page(f"pages/{page}")
    at.run()  # warm: the first run opens the workbook and fills caches
    if at.exception:
        raise RuntimeError(f"{page} raised: {at.exception[0].value}")
    times = []
    for _ in range(runs):
        if invalidate:
            invalidate()
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_pages(workbook_path: Path, runs: int) -> dict[str, tuple[float, float, float]]:
    """Page file -> (median ms with warm caches, median ms right after a write, p95 ms after a write)."""
    import ui.session

    os.environ["WORKBOOK_PATH"] = str(workbook_path)
    os.environ["WORKBOOK_MODE"] = "local"

    def as_if_written() -> None:
        # What a save does to the caches: the data version moves on, so every cached result is stale.
        ui.session._open_local(str(workbook_path)).data_version += 1

    results = {}
    for page in sorted(p.name for p in (ROOT / "pages").glob("*.py")):
        warm = _time_page(str(ROOT / "app.py"), page, runs)
        cold = _time_page(str(ROOT / "app.py"), page, runs, as_if_written)
        results[page] = (statistics.median(warm), statistics.median(cold), _percentile(cold, 0.95))
    ui.session._open_local(str(workbook_path)).close()
    ui.session._open_local.clear()
    return results


def run_bench(contacts: int, runs: int, output: str | None) -> int:
    """Make the demo workbook, time every page, print a table (and write it as Markdown)."""
    from core.demo import make_demo
    from core.store import open_workbook
    from core.store.bulk import load_tables

    folder = Path(tempfile.mkdtemp(prefix="workbook-bench-"))
    demo_path = folder / "demo.duckdb"
    started = time.perf_counter()
    book = open_workbook(demo_path)
    data = make_demo(contacts, seed=7, today=date.today())
    load_tables(book, data.tables)
    book.close()
    demo_seconds = time.perf_counter() - started
    empty = time_pages(folder / "empty.duckdb", runs)
    demo = time_pages(demo_path, runs)
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}",
        f"Demo workbook: {data.rows('contacts'):,} contacts, {data.rows('interactions'):,} interactions, made in {demo_seconds:.1f} s",
        f"Runs per page: {runs} after one warm-up run; full script run through AppTest; target < {TARGET_MS} ms median",
        "",
        "Cold = the run right after a write (every cached result stale); warm = a rerun with nothing changed.",
        "",
        "| page | empty cold median ms | demo warm median ms | demo cold median ms | demo cold p95 ms | demo / empty (cold) | under target |",
        "|---|---:|---:|---:|---:|---:|:-:|",
    ]
    slow = 0
    for page, (warm, cold, p95) in demo.items():
        empty_cold = empty[page][1]
        ok = cold < TARGET_MS
        slow += not ok
        lines.append(
            f"| {page} | {empty_cold:.0f} | {warm:.0f} | {cold:.0f} | {p95:.0f} | "
            f"{cold / max(empty_cold, 0.1):.1f}x | {'yes' if ok else 'NO'} |"
        )
    table = "\n".join(lines)
    print(table)
    if output:
        Path(output).write_text(f"# Performance\n\nWritten by `workbook bench` on {date.today():%d %b %Y}.\n\n{table}\n")
    return 0 if slow == 0 else 3
