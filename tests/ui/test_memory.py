"""The app's code is frozen out of Python's full garbage collections from the server's first run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: what a collection walks there depends on nothing another test left.
FIRST_RUN = """
import gc, json
import altair, charts.network, services.home
from streamlit.testing.v1 import AppTest

at = AppTest.from_file("app.py", default_timeout=120).run()
walked = {id(o) for o in gc.get_objects()}
print(json.dumps({
    "exception": [e.value for e in at.exception],
    "frozen": gc.get_freeze_count(),
    "walked": len(walked),
    "code_walked": [m.__name__ for m in (altair, charts.network, services.home) if id(m.__dict__) in walked],
}))
"""


def test_after_the_first_run_a_full_collection_walks_none_of_the_code_and_exit_is_quiet(tmp_path):
    env = {**os.environ, "WORKBOOK_PATH": str(tmp_path / "book.duckdb"), "WORKBOOK_MODE": "local"}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_RUN], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["exception"] == []
    assert seen["code_walked"] == []  # the libraries' and our layers' modules are frozen
    assert seen["walked"] < seen["frozen"] / 2  # a collection walks a fraction of what it used to
    # Frozen objects are unfrozen at exit; otherwise DuckDB's bindings print a leak report there.
    assert "leaked" not in done.stderr
