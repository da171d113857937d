"""The `workbook` command."""

from cli.main import main

__all__ = ["main"]
