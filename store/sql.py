"""SQL fragments both engines read the same way, for the queries of every store module.

Queries use ``?`` parameters. A list parameter becomes a set of ids with ``IDS`` (DuckDB and
PostgreSQL both unnest a typed array); text search uses strpos, where LIKE would read % and _.
"""

from __future__ import annotations

# "id IN {IDS}" with a Python list of ints as the parameter.
IDS = "(SELECT unnest(CAST(? AS BIGINT[])))"
TEXTS = "(SELECT unnest(CAST(? AS VARCHAR[])))"


def contains(column: str) -> str:
    """True where the lower-cased ``column`` contains the (already lower-cased) parameter."""
    return f"strpos(lower({column}), ?) > 0"


def bind(statement: str, params: dict[str, object]) -> tuple[str, list]:
    """A query written with $name parameters as a ``?`` query and its values in order (names may repeat)."""
    import re

    names = sorted(params, key=len, reverse=True)
    pattern = re.compile(r"\$(" + "|".join(re.escape(n) for n in names) + r")\b")
    values: list = []

    def place(match: re.Match) -> str:
        values.append(params[match.group(1)])
        return "?"

    return pattern.sub(place, statement), values
