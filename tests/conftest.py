"""Shared fixtures: temporary workbooks (empty and demo) and an AppTest runner for pages."""

from __future__ import annotations

import contextlib
import itertools
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from core.demo import make_demo
from store import Workbook, open_workbook
from store.bulk import load_tables
from tests.browser_support import browser, page, server, server_factory  # noqa: F401 - one Playwright per process
from ui.registry import page_files

# The same examples on every run, and no time limits: on a contended 2-core CI machine a slow example
# passed when Hypothesis replayed it, and the run failed as "Flaky" for a reason no user would see.
settings.register_profile(
    "workbook", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("workbook")

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE_FILES = page_files()


def pytest_addoption(parser: pytest.Parser) -> None:
    # Here, not in tests/reliability/conftest.py: pytest reads options only from the conftests
    # it loads at startup, so `pytest --soak N` from the project root works.
    parser.addoption(
        "--soak",
        type=int,
        default=None,
        metavar="N",
        help="multiply the reliability suite's sessions, changes, crashes and inputs by N (or set RELIABILITY_SOAK)",
    )


ENGINES = ("duckdb", "postgres")
_accounts = itertools.count(1)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Tests marked both_engines run once on a DuckDB file and once on PostgreSQL: the store behaves the same.
    if "workbook" in metafunc.fixturenames:
        both = metafunc.definition.get_closest_marker("both_engines") is not None
        metafunc.parametrize("engine", ENGINES if both else ENGINES[:1])


@pytest.fixture(scope="session")
def shared_postgres_database(postgres_server):
    """One migrated database for the process; each test gets an account of its own in it."""
    from store.postgres import PostgresDatabase

    postgres_server.create_database("workbook_shared")
    database = PostgresDatabase(postgres_server.url("workbook_shared"), pool_size=4)
    yield database
    database.close()


@pytest.fixture
def workbook(engine, tmp_path, request) -> Workbook:
    """An empty workbook: a file in a temporary folder, or a fresh account on the test PostgreSQL."""
    if engine == "postgres":
        database = request.getfixturevalue("shared_postgres_database")
        yield database.workbook(f"test-{os.getpid()}-{next(_accounts)}")
        return
    book = open_workbook(tmp_path / "workbook.duckdb")
    yield book
    book.close()


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for this test process (Debian's postgresql, run as the postgres user)."""
    from tests.pg_support import serve_postgres

    yield from serve_postgres("server-database tests")


_databases = itertools.count(1)


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """The admin's URL of a new, empty database on the test server (dropped afterwards)."""
    name = f"workbook_test_{next(_databases)}"
    url = postgres_server.create_database(name)
    yield url
    postgres_server.drop_database(name)


@pytest.fixture
def postgres_database(postgres_url):
    """The app's handle on a new database: migrated, with its restricted role and pool."""
    from store.postgres import PostgresDatabase

    database = PostgresDatabase(postgres_url, pool_size=4)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory) -> Path:
    """A 300-person demo workbook file, made once per test run; copy it before writing to it."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    book = open_workbook(path)
    load_tables(book, make_demo(300, seed=11, today=date.today()).tables)
    book.close()
    return path


@pytest.fixture
def app_on(monkeypatch):
    """Return a function that opens the app on a workbook path (in local mode) and switches to a page."""
    from streamlit.testing.v1 import AppTest

    import ui.session

    opened: list[str] = []

    def open_page(path: Path, page_file: str = "home.py", timeout: float = 30) -> AppTest:
        monkeypatch.setenv("WORKBOOK_PATH", str(path))
        monkeypatch.setenv("WORKBOOK_MODE", "local")
        opened.append(str(path))
        at = AppTest.from_file(APP, default_timeout=timeout)
        at.run()
        if page_file != "home.py":
            at.switch_page(f"pages/{page_file}")
            at.run()
        return at

    yield open_page
    # Close the workbooks this test opened so its temporary files can go.
    for path in opened:
        with contextlib.suppress(Exception):
            ui.session._open_local(path).close()
    ui.session._open_local.clear()
