"""The one error an importer raises: its message names the problem and the fix in one line."""


class ImportFileError(ValueError):
    """The file cannot be imported; ``str(error)`` is a sentence fit to show a user."""
