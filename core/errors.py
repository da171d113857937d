"""Errors the store raises, each with a one-line message that names the problem and the fix."""


class WorkbookError(Exception):
    """Base class: ``str(error)`` is a sentence fit to show a user."""


class NotAWorkbook(WorkbookError):
    """The file exists but is not a DuckDB workbook made by this app."""


class WorkbookTooNew(WorkbookError):
    """The file was written by a newer version of the app."""


class WorkbookLocked(WorkbookError):
    """Another program holds the file open."""


class InvalidInput(WorkbookError):
    """A value was refused; nothing was saved."""


class ImportFileError(ValueError):
    """The file cannot be imported; ``str(error)`` is a sentence fit to show a user."""


class ChangedSinceOpened(InvalidInput):
    """Someone else (another tab or server) changed the same fields after the form was opened."""

    def __init__(self, message: str, fresh: object = None) -> None:
        super().__init__(message)
        self.fresh = fresh  # the record as it is now, for the form to show


class WorkbookFull(WorkbookError):
    """A private workbook on a shared server reached its size budget; nothing was saved."""


class WorkbookUnavailable(WorkbookError):
    """The database holding the workbook cannot be reached; the last change was not saved."""
