"""`workbook bench --profile PAGE`: where one page's run after a write spends its CPU time.

cProfile with the script thread's CPU clock, so a busy machine does not blur the picture and
nothing beyond the standard library is needed.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import tempfile
import time
from pathlib import Path

from bench import pages as bench_pages


def profile_run(at, path: Path) -> cProfile.Profile:
    """Profile the script thread of one AppTest run right after a (simulated) write."""
    from streamlit.runtime.scriptrunner import script_runner

    profile = cProfile.Profile(time.thread_time)
    original = script_runner.ScriptRunner._run_script

    def profiled(self, *args, **kwargs):
        profile.enable()
        try:
            return original(self, *args, **kwargs)
        finally:
            profile.disable()

    bench_pages.open_book(path).data_version += 1
    script_runner.ScriptRunner._run_script = profiled
    try:
        at.run()
    finally:
        script_runner.ScriptRunner._run_script = original
    return profile


def profile_page(page: str, contacts: int, top: int = 30) -> str:
    """The ``top`` functions by cumulative CPU time in ``page``'s run after a write, on a demo workbook."""
    from bench.run import make_demo_file

    if page not in bench_pages.page_files():
        raise ValueError(f"{page} is not a page; choose one of: {', '.join(bench_pages.page_files())}")
    with tempfile.TemporaryDirectory(prefix="workbook-profile-") as folder:
        path = Path(folder) / "demo.duckdb"
        make_demo_file(path, contacts)
        bench_pages.use_workbook(path)
        try:
            with bench_pages.server_like_script_cache():
                at = bench_pages.open_page(page)
                at.run()  # fill the caches once, as a visitor's earlier runs would have
                profile = profile_run(at, path)
        finally:
            bench_pages.release_book(path)
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    out.write(
        f"{page} on {contacts:,} contacts, the run after a write: {stats.total_tt * 1000:.0f} ms of CPU "
        "(cProfile adds its own overhead; read the shares)\n"
    )
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()
