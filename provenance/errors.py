"""One error family. The API raises these; only the CLI turns them into exit codes."""

from __future__ import annotations


class ProvenanceError(Exception):
    """Base class: a problem the user can act on, stated in one line."""

    exit_code = 2


class InputError(ProvenanceError):
    """A file cannot be read or does not look like an article."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ConfigError(ProvenanceError):
    """A setting or option is invalid."""


class EncoderError(ProvenanceError):
    """An encoder cannot be loaded or used."""
