"""Errors the engine raises; each carries a stable machine-readable code."""

from __future__ import annotations


class EngineError(Exception):
    code = "engine_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class EditNotUnderstood(EngineError):
    code = "edit_not_understood"


class EditNotApplied(EngineError):
    """The edit was understood but nothing it asked for shows on the rendered cover."""

    code = "edit_not_applied"
