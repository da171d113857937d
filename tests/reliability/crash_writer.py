"""A program for the crash tests to kill: it writes to a workbook and says what it committed.

python -m tests.reliability.crash_writer save PATH FIRST
    adds people named row-FIRST, row-FIRST+1, ... one transaction each, printing each number
    once its transaction has committed, until it is killed.
python -m tests.reliability.crash_writer import PATH ROWS
    imports a generated LinkedIn export of ROWS people in one transaction, printing
    "saving" once the transaction has begun writing and "committed" after it committed,
    then waits to be killed.
"""

from __future__ import annotations

import sys
import time

from core.model import ContactDraft
from fileio.reader import read_contacts
from fileio.sample import make_linkedin_export
from store import open_workbook
from store.contacts import add_contact
from store.imports import import_contacts


def save_forever(path: str, first: int) -> None:
    workbook = open_workbook(path)
    print("open", flush=True)
    number = first
    while True:
        add_contact(workbook, ContactDraft(name=f"row-{number}", notes="x" * (number % 97)))
        print(number, flush=True)
        number += 1


def import_once(path: str, rows: int) -> None:
    result = read_contacts(make_linkedin_export(rows))
    workbook = open_workbook(path)

    def progress(fraction: float, text: str) -> None:
        if fraction >= 0.6 and fraction < 1:  # reported inside the transaction, before the insert
            print("saving", flush=True)

    summary = import_contacts(workbook, result, progress)
    print(f"committed {summary.added}", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    command, target, number = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if command == "save":
        save_forever(target, number)
    else:
        import_once(target, number)
