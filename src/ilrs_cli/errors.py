"""Errors the command line turns into messages and exit codes."""

from __future__ import annotations


class InputError(ValueError):
    """A value the user typed that cannot be used (exit code 2), with what would be right."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


class DatasetError(Exception):
    """A dataset file that cannot be used, with every problem found in it."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__(f"{path}: {len(problems)} problem(s)")
        self.path = path
        self.problems = problems

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.path}: {count} {noun}:"]
        lines.extend(f"  - {problem}" for problem in self.problems)
        return "\n".join(lines)
