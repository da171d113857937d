"""The layers of docs/architecture.md hold: every import is one its layer is allowed."""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b", re.I | re.S)
PAGE_PATH = re.compile(r"pages/\w+\.py")
# Names that may appear in the table for the distributions whose import name differs.
IMPORT_NAMES = {"markdown-it-py": "markdown_it"}


@dataclass(frozen=True)
class Layer:
    name: str
    folder: str
    ours: frozenset[str]
    outside: frozenset[str]

    def files(self) -> list[Path]:
        target = ROOT / self.folder
        return [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))


def read_layers(text: str) -> dict[str, Layer]:
    """The table of docs/architecture.md: layer | folder | ours | outside."""
    layers = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[1].startswith("`"):
            continue
        name, folder, ours, outside = cells

        def names(cell: str) -> frozenset[str]:
            return frozenset(IMPORT_NAMES.get(n.strip(), n.strip()) for n in cell.split(",") if n.strip())

        layers[name] = Layer(name, folder.strip("`").rstrip("/"), names(ours), names(outside))
    return layers


LAYERS = read_layers(DOC.read_text(encoding="utf-8"))
OURS = {layer.folder.removesuffix(".py") for layer in LAYERS.values()} | {"tests"}
FILES = [(layer, path) for layer in LAYERS.values() for path in layer.files()]


def imported_roots(path: Path) -> set[str]:
    """Every top-level name imported anywhere in the file (inside functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def broken_rules(layer: Layer, path: Path, where: str | None = None) -> list[str]:
    """One sentence per import the layer is not allowed."""
    where = where or str(path.relative_to(ROOT))
    problems = []
    for root in sorted(imported_roots(path)):
        if root in sys.stdlib_module_names or root == "__future__":
            continue
        if root in OURS and root not in layer.ours:
            allowed = ", ".join(sorted(layer.ours)) or "nothing of ours"
            problems.append(f"{where} imports {root}: the {layer.name} layer may import only {allowed}")
        elif root not in OURS and root not in layer.outside:
            allowed = ", ".join(sorted(layer.outside)) or "only the standard library"
            problems.append(f"{where} imports {root}: outside packages allowed in {layer.name}: {allowed}")
    return problems


def test_the_table_names_every_folder_of_code():
    folders = {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists() and p.name != "tests"}
    assert folders | {"pages"} <= {layer.folder for layer in LAYERS.values()}
    assert {"core", "store", "fileio", "charts", "services", "ui", "pages", "app", "cli", "bench"} <= set(LAYERS)


@pytest.mark.parametrize("layer, path", FILES, ids=[str(p.relative_to(ROOT)) for _, p in FILES])
def test_every_import_is_one_its_layer_may_make(layer, path):
    problems = broken_rules(layer, path)
    assert not problems, "; ".join(problems) + " (see docs/architecture.md)"


@pytest.mark.parametrize(
    "path", [p for layer, p in FILES if layer.name != "store"], ids=lambda p: str(p.relative_to(ROOT))
)
def test_only_the_store_runs_sql(path):
    assert not SQL.search(path.read_text(encoding="utf-8")), f"SQL outside store/ in {path.relative_to(ROOT)}"


@pytest.mark.parametrize(
    "path",
    [p for layer, p in FILES if layer.name not in ("ui", "app", "bench")],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_nothing_below_the_page_toolkit_knows_a_page_path(path):
    found = PAGE_PATH.findall(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)} names {found[0]}: page paths live only in ui/registry.py"


def test_a_wrong_arrow_is_named_with_the_rule_it_breaks(tmp_path):
    bad = tmp_path / "reader.py"
    bad.write_text("from store import contacts\nimport streamlit\n")
    layer = Layer("fileio", "fileio", frozenset({"core", "fileio"}), frozenset({"vobject"}))
    assert broken_rules(layer, bad, "fileio/reader.py") == [
        "fileio/reader.py imports store: the fileio layer may import only core, fileio",
        "fileio/reader.py imports streamlit: outside packages allowed in fileio: vobject",
    ]
