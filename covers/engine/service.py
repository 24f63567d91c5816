"""Recipe operations: a first recipe for a book, variations and edits."""

from __future__ import annotations

from dataclasses import dataclass

from .recipe import BookText, CoverOptions, Recipe


@dataclass(frozen=True)
class EditResult:
    recipe: Recipe
    understood: list[str]


def recipe_for_book(book: BookText, options: CoverOptions, *, seed: int) -> Recipe:
    raise NotImplementedError("needs brief.build_brief and templates.select_template")


def recipe_variation(recipe: Recipe, *, seed: int) -> Recipe:
    raise NotImplementedError("needs templates.select_template")


def recipe_edit(recipe: Recipe, prompt: str) -> EditResult:
    raise NotImplementedError("needs edits.apply_edit")
