"""Errors the command line turns into messages and exit codes."""

from __future__ import annotations


class InputError(ValueError):
    """A value the user typed that cannot be used (exit code 2), with what would be right."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option
