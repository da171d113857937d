"""The ``workbook`` command. Each subcommand opens the workbook through services, calls one service
function and turns a known error into one clear line and a non-zero exit."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from core.errors import ImportFileError, WorkbookError
from core.import_result import FORMATS, MAPPABLE_FIELDS
from services import demo, imports, info
from services.exports import EXPORTS
from services.locations import default_workbook_path
from services.workbooks import Workbook, open_local_workbook, opened_account

SKIPPED_SHOWN = 20


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_workbook_path()


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[Workbook]:
    """The workbook named by --db (or the default one), or --user's on --database-url; closed at the end."""
    if args.database_url:
        with opened_account(args.database_url, args.user) as workbook:
            yield workbook
        return
    workbook = open_local_workbook(_db_path(args))
    try:
        yield workbook
    finally:
        workbook.close()


def _where(args: argparse.Namespace) -> str:
    if args.database_url:
        return f"account {args.user} on {args.database_url.rsplit('@', 1)[-1]}"
    return str(_db_path(args))


def cmd_demo(args: argparse.Namespace) -> int:
    """Make a synthetic workbook: varied circles and ties, introductions, two years of history."""
    if args.database_url:
        started = time.perf_counter()
        made = demo.make_demo_account(args.database_url, args.user, args.contacts, seed=args.seed, replace=args.force)
        print(
            f"Made the workbook of {_where(args)}: {made.people:,} people, {made.interactions:,} interactions "
            f"in {time.perf_counter() - started:.1f} s (seed {args.seed})."
        )
        return 0
    path = _db_path(args)
    if path.exists() and not args.force:
        print(f"error: {path} already exists; choose a new --db path or add --force to replace it.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    made = demo.make_demo_workbook(path, args.contacts, seed=args.seed, replace=args.force)
    print(
        f"Made {made.path}: {made.people:,} people, {made.interactions:,} interactions "
        f"in {time.perf_counter() - started:.1f} s (seed {args.seed})."
    )
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    """Print the schema version and how many rows each table holds."""
    if _missing(args):
        return 1
    with _opened(args) as workbook:
        held = info.describe_workbook(workbook)
    print(f"workbook: {_where(args)}")
    print(f"schema version: {held.schema_version}")
    for table, count in held.counts.items():
        print(f"{table}: {count:,}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Time every page and main interaction, an import, the cold start and memory, against the targets."""
    from bench.run import run_bench

    if args.growth:
        from bench.run import GROWTH_SIZES, run_growth

        sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else list(GROWTH_SIZES)
        return run_growth(sizes, args.felt_runs, args.output)
    if args.workshop:
        from bench.run import run_workshop_bench

        steps = [int(n) for n in args.steps.split(",") if n.strip()]
        return run_workshop_bench(
            args.participants, args.minutes, steps, args.step_seconds, args.output, fail=not args.no_fail
        )
    if args.profile:
        from bench.profile import profile_page

        try:
            print(profile_page(args.profile, args.contacts))
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        return 0
    return run_bench(
        contacts=args.contacts,
        runs=args.runs,
        output=args.output,
        import_rows=args.import_rows,
        browser=not args.skip_browser,
        postgres=args.postgres,
        felt_runs=args.felt_runs,
        fail=not args.no_fail,
    )


def cmd_import(args: argparse.Namespace) -> int:
    """Import an address book (LinkedIn, Google, Outlook, vCard or any CSV); importing it again adds nobody."""
    mapping = dict(pair.split("=", 1) for pair in args.map or [])
    try:
        result = imports.read_file(Path(args.file).read_bytes(), fmt=args.format, mapping=mapping)
    except OSError as error:
        print(f"error: cannot read {args.file} ({error.strerror}); check the path.", file=sys.stderr)
        return 1
    except ImportFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for note in result.notes:
        print(f"note: {note}")
    if args.dry_run:
        print(f"Read {len(result.drafts):,} people from {args.file} ({result.format}); nothing was saved (--dry-run).")
        skipped = result.skipped
    else:
        with _opened(args) as workbook:  # opened only once the file has been read: a bad file creates nothing
            summary = imports.import_people(workbook, result)
        print(summary.describe())
        skipped = summary.skipped
    for row in skipped[:SKIPPED_SHOWN]:
        print(f"  skipped line {row.line}: {row.reason}")
    if len(skipped) > SKIPPED_SHOWN:
        print(f"  ... and {len(skipped) - SKIPPED_SHOWN:,} more skipped rows")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the workbook, everyone as vCards or CSV, the reconnect calendar or the action plan to a file."""
    if _missing(args):
        return 1
    kind, now = EXPORTS[args.format], datetime.now()
    with _opened(args) as workbook:
        data = kind.build(workbook, now)
    target = Path(args.output or kind.file_name(now))
    try:
        target.write_bytes(data)
    except OSError as error:
        print(f"error: cannot write {target} ({error.strerror}); choose another -o path.", file=sys.stderr)
        return 1
    print(f"Wrote {target} ({len(data):,} bytes).")
    return 0


def _missing(args: argparse.Namespace) -> bool:
    """A command that reads a workbook refuses a path where there is none (it would make an empty one)."""
    path = _db_path(args)
    if args.database_url or path.exists():
        return False
    print(f"error: {path} does not exist; check the path, or make one with 'workbook demo'.", file=sys.stderr)
    return True


def build_parser() -> argparse.ArgumentParser:
    """Every subcommand with its options, each explained."""
    parser = argparse.ArgumentParser(prog="workbook", description="The Job Networking Workbook from the command line.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        sub.add_argument("--db", metavar="PATH", help="the workbook file (default: WORKBOOK_PATH or your data folder)")
        sub.add_argument(
            "--database-url",
            metavar="URL",
            help="instead of --db: a PostgreSQL URL (postgresql://user:password@host/db) holding accounts",
        )
        sub.add_argument("--user", metavar="ID", help="with --database-url: the account to act on")
        return sub

    demo = add("demo", cmd_demo, "Make a realistic synthetic workbook (the same for the same seed and day).")
    demo.add_argument("--contacts", type=_positive, default=300, metavar="N", help="how many people (default 300)")
    demo.add_argument("--seed", type=int, default=7, metavar="S", help="random seed (default 7)")
    demo.add_argument("--force", action="store_true", help="replace the file if it exists")
    add("info", cmd_info, "Print the workbook's schema version and row counts.")
    imp = add("import", cmd_import, "Import an address book; the same file again adds nobody and updates what changed.")
    imp.add_argument("file", metavar="FILE", help="a LinkedIn Connections.csv, Google or Outlook CSV, .vcf, or any CSV")
    imp.add_argument("--format", choices=list(FORMATS), help="skip detection")
    imp.add_argument("--dry-run", action="store_true", help="read the file and report, save nothing")
    imp.add_argument(
        "--map",
        action="append",
        type=_mapping,
        metavar="FIELD=COLUMN",
        help="with --format csv: which column holds a field (name, first_name, last_name, email, "
        "phone, company, role, notes); repeat for each",
    )
    exp = add("export", cmd_export, "Export the workbook or its contacts, calendar or action plan to a file.")
    exp.add_argument(
        "--format",
        required=True,
        choices=list(EXPORTS),
        help="zip: every table as CSV; vcard/csv: everyone; ics: reconnect calendar; plan/markdown: action plan",
    )
    exp.add_argument("-o", "--output", metavar="OUT", help="the file to write (default: a dated name here)")
    bench = add("bench", cmd_bench, "Time every page and interaction, an import, the cold start and memory.")
    bench.add_argument("--contacts", type=_positive, default=30000, metavar="N", help="demo size (default 30000)")
    bench.add_argument("--runs", type=_positive, default=7, metavar="R", help="runs per page (default 7)")
    bench.add_argument("--output", metavar="FILE", help="also write the table as Markdown to FILE")
    bench.add_argument(
        "--import-rows", type=_positive, default=30000, metavar="N", help="LinkedIn rows to import (default 30000)"
    )
    bench.add_argument(
        "--skip-browser", action="store_true", help="leave out the cold start and memory (no Chromium needed)"
    )
    bench.add_argument(
        "--postgres",
        metavar="URL",
        help="also time the pages and the import on an account in this PostgreSQL database (its owner's URL)",
    )
    bench.add_argument(
        "--felt-runs", type=_positive, default=5, metavar="R", help="clicks per page and interaction in Chromium"
    )
    bench.add_argument("--growth", action="store_true", help="instead, time every page at 1k, 10k, 30k, 100k contacts")
    bench.add_argument("--sizes", metavar="N,N", help="the workbook sizes for --growth")
    bench.add_argument("--workshop", action="store_true", help="instead, load-test a workshop in shared mode")
    bench.add_argument("--participants", type=_positive, default=60, metavar="N", help="workshop size (default 60)")
    bench.add_argument("--minutes", type=float, default=5.0, metavar="M", help="the full workshop's length")
    bench.add_argument("--steps", default="10,20,40", metavar="N,N", help="other sizes first, for the knee")
    bench.add_argument("--step-seconds", type=float, default=60.0, metavar="S", help="the length of each step")
    bench.add_argument("--no-fail", action="store_true", help="report missed targets but exit 0")
    bench.add_argument("--profile", metavar="PAGE", help="instead, print where PAGE (e.g. home.py) spends its CPU time")
    return parser


def _mapping(text: str) -> str:
    field, equals, column = text.partition("=")
    if not equals or field not in MAPPABLE_FIELDS or not column:
        raise argparse.ArgumentTypeError(f"'{text}' is not FIELD=COLUMN with FIELD one of {', '.join(MAPPABLE_FIELDS)}")
    return text


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive whole number")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; a refusal is one line on stderr and a non-zero exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.database_url and not args.user:
        parser.error("--database-url needs --user ID: the account to act on")
    if args.database_url and args.db:
        parser.error("choose --db FILE or --database-url URL, not both")
    try:
        return args.handler(args)
    except WorkbookError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
