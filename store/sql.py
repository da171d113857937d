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
