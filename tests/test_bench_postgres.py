"""`workbook bench --postgres URL`: the pages after a write on an account beside DuckDB's, and the import,
each checked against its target; a database that cannot be reached is one line, not a traceback."""

from __future__ import annotations

import os
import re
from pathlib import Path

from bench.pages import PageTiming, Timing
from bench.postgres import PostgresFigures, add_postgres_tables, bench_postgres
from bench.run import make_demo_file
from tests.conftest import PAGE_FILES

NUMBER = re.compile(r"^\d[\d,]*(\.\d+)?x?$")
IMPORTED = {"read_s": 0.5, "save_s": 1.5, "total_s": 2.0, "reimport_s": 1.0}


def fake(ms: float) -> PageTiming:
    timing = Timing((ms, ms, ms), (ms, ms, ms))
    return PageTiming(timing, timing)


def rows(lines: list[str]) -> dict[str, list[str]]:
    found = {}
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] in PAGE_FILES:
            found[cells[0]] = cells[1:]
    return found


def test_a_page_within_twice_duckdb_and_under_300_ms_meets_its_target_and_one_past_either_does_not():
    figures = PostgresFigures()
    duck = {"home.py": fake(100), "reach_out.py": fake(100), "rate_your_network.py": fake(200)}
    account = {"home.py": fake(190), "reach_out.py": fake(250), "rate_your_network.py": fake(320)}
    add_postgres_tables(figures, "intro", list(duck), account, duck, IMPORTED, 30_000)
    table = rows(figures.lines)
    assert table["home.py"][-1] == "yes" and table["home.py"][3] == "1.9x"
    assert table["reach_out.py"][-1] == "**NO**"  # 2.5x DuckDB
    assert table["rate_your_network.py"][-1] == "**NO**"  # 1.6x, but over 300 ms
    assert figures.missed == [
        "PostgreSQL page reach_out.py: 250 ms median, 2.5x DuckDB",
        "PostgreSQL page rate_your_network.py: 320 ms median, 1.6x DuckDB",
    ]
    assert any("30,000 rows: read + save | 2.00 s | 5 s | yes" in line for line in figures.lines)


def test_a_slow_import_misses_its_target():
    figures = PostgresFigures()
    add_postgres_tables(figures, "intro", [], {}, {}, {**IMPORTED, "total_s": 5.5}, 30_000)
    assert figures.missed == ["PostgreSQL import: 5.50 s"]


def test_the_bench_times_every_page_in_turn_on_duckdb_and_on_a_real_account(postgres_url, monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBOOK_PATH", str(tmp_path / "unused.duckdb"))
    demo = tmp_path / "demo.duckdb"
    make_demo_file(demo, 60)
    figures = bench_postgres(postgres_url, contacts=60, runs=1, import_rows=60, duckdb_path=demo, pages=PAGE_FILES)
    table = rows(figures.lines)
    assert list(table) == PAGE_FILES
    for page, cells in table.items():
        assert all(NUMBER.match(c) for c in cells[:6]), (page, cells)
    # The DuckDB column is this run's own timing of the demo file, page by page beside PostgreSQL's.
    assert all(float(cells[0]) < 1000 for cells in table.values())
    assert os.environ["WORKBOOK_PATH"] == str(tmp_path / "unused.duckdb"), "the bench left the app on its demo"
    assert any(re.search(r"60 rows: read \+ save \| \d+\.\d\d s", line) for line in figures.lines)
    assert any("holding the same demo: 60 people" in line for line in figures.lines)


def test_a_database_that_cannot_be_reached_is_one_line_and_a_missed_target():
    figures = bench_postgres(
        "postgresql://nobody:wrong@127.0.0.1:9/none",
        contacts=10,
        runs=1,
        import_rows=10,
        duckdb_path=Path("never-opened.duckdb"),
        pages=[],
    )
    assert len(figures.missed) == 1 and figures.missed[0].startswith("PostgreSQL: The database at 127.0.0.1")
    assert any(line.startswith("Not run: The database at 127.0.0.1 cannot be reached") for line in figures.lines)
