"""The architecture's rules, checked so they stay true as the code grows."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_IN_PURE = {"streamlit", "duckdb", "altair"}
SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b", re.I | re.S)


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def pure_modules() -> list[Path]:
    core = ROOT / "core"
    return sorted(
        p for p in core.rglob("*.py") if not p.is_relative_to(core / "store") and not p.is_relative_to(core / "charts")
    )


@pytest.mark.parametrize("path", pure_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_pure_core_module_imports_neither_streamlit_duckdb_nor_altair(path):
    assert not imported_roots(path) & FORBIDDEN_IN_PURE


@pytest.mark.parametrize("path", sorted((ROOT / "core" / "charts").rglob("*.py")), ids=lambda p: p.name)
def test_charts_never_talk_to_streamlit_or_duckdb(path):
    assert not imported_roots(path) & {"streamlit", "duckdb"}


@pytest.mark.parametrize(
    "path",
    sorted([*(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py"), ROOT / "app.py", *pure_modules()]),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_only_the_store_runs_sql(path):
    text = path.read_text(encoding="utf-8")
    assert "duckdb" not in imported_roots(path)
    assert not SQL.search(text), f"SQL outside core/store in {path}"


def test_the_detector_would_catch_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import duckdb\nfrom streamlit import session_state\n")
    assert imported_roots(bad) & FORBIDDEN_IN_PURE == {"duckdb", "streamlit"}
