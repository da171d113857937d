"""The ``workbook`` command. Each subcommand opens the workbook, calls one library function and
turns a known error into one clear line and a non-zero exit."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from core.paths import default_workbook_path
from core.store import WorkbookError, open_workbook


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_workbook_path()


def cmd_demo(args: argparse.Namespace) -> int:
    """Make a synthetic workbook: varied circles and ties, introductions, two years of history."""
    from core.demo import make_demo
    from core.store.bulk import load_tables

    path = _db_path(args)
    if path.exists() and not args.force:
        print(f"error: {path} already exists; choose a new --db path or add --force to replace it.", file=sys.stderr)
        return 2
    if path.exists():
        path.unlink()
        Path(f"{path}.wal").unlink(missing_ok=True)
    started = time.perf_counter()
    data = make_demo(args.contacts, seed=args.seed)
    workbook = open_workbook(path)
    try:
        load_tables(workbook, data.tables)
    finally:
        workbook.close()
    print(
        f"Made {path}: {data.rows('contacts'):,} people, {data.rows('interactions'):,} interactions "
        f"in {time.perf_counter() - started:.1f} s (seed {args.seed})."
    )
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    """Print the schema version and how many rows each table holds."""
    from core.store.info import describe_workbook

    workbook = open_workbook(_db_path(args))
    try:
        info = describe_workbook(workbook)
    finally:
        workbook.close()
    print(f"workbook: {workbook.path}")
    print(f"schema version: {info['schema_version']}")
    for table, count in info["counts"].items():
        print(f"{table}: {count:,}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Time every page's full script run on an empty and on a demo workbook."""
    from ui.bench import run_bench

    return run_bench(contacts=args.contacts, runs=args.runs, output=args.output)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbook", description="The Job Networking Workbook from the command line.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        sub.add_argument("--db", metavar="PATH", help="the workbook file (default: WORKBOOK_PATH or your data folder)")
        return sub

    demo = add("demo", cmd_demo, "Make a realistic synthetic workbook (the same for the same seed and day).")
    demo.add_argument("--contacts", type=_positive, default=300, metavar="N", help="how many people (default 300)")
    demo.add_argument("--seed", type=int, default=7, metavar="S", help="random seed (default 7)")
    demo.add_argument("--force", action="store_true", help="replace the file if it exists")
    add("info", cmd_info, "Print the workbook's schema version and row counts.")
    bench = add("bench", cmd_bench, "Time every page on an empty and on a demo workbook.")
    bench.add_argument("--contacts", type=_positive, default=30000, metavar="N", help="demo size (default 30000)")
    bench.add_argument("--runs", type=_positive, default=7, metavar="R", help="runs per page (default 7)")
    bench.add_argument("--output", metavar="FILE", help="also write the table as Markdown to FILE")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive whole number")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except WorkbookError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
