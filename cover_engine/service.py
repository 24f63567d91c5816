"""Recipe operations: a first recipe for a book, variations and edits.

Each step is plain data in, plain data out; rendering is separate (render.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .errors import EngineError
from .recipe import RECIPE_VERSION, BookText, CoverOptions, Recipe

# Set in a recipe's overrides when the author picked the template: variations then keep it.
TEMPLATE_LOCKED = "template_locked"


@dataclass(frozen=True)
class EditResult:
    recipe: Recipe
    understood: list[str]


def _seed(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise EngineError(f"seed must be an integer, not {value!r}", code="seed_invalid")
    return value


def recipe_for_book(book: BookText, options: CoverOptions, *, seed: int) -> Recipe:
    from .brief import build_brief
    from .templates import CATALOGUE, select_template

    seed = _seed(seed)
    brief = build_brief(
        book, mood=options.mood, palette=options.palette, main_elements=options.main_elements, seed=seed
    )
    overrides: dict = {}
    if options.template_id:
        if options.template_id not in CATALOGUE:
            raise EngineError(f"unknown template {options.template_id!r}", code="template_not_found")
        template_id = options.template_id
        overrides[TEMPLATE_LOCKED] = True
    else:
        template_id = select_template(brief, book, seed=seed).id
    return Recipe(
        version=RECIPE_VERSION, text=book, template_id=template_id, brief=brief, seed=seed, overrides=overrides
    )


def recipe_variation(recipe: Recipe, *, seed: int, index: int = 0) -> Recipe:
    """The same design (template family, palette family, type voice) recomposed: see variety.py."""
    from .variety import variation_candidates

    return next(variation_candidates(recipe, seed=_seed(seed), index=index))


def recipe_edit(recipe: Recipe, prompt: str) -> EditResult:
    """Apply a free-text edit; raises EditNotUnderstood when nothing in it can be acted on."""
    from .edits import apply_edit

    brief, overrides, understood = apply_edit(recipe.brief, dict(recipe.overrides), prompt)
    edited = replace(recipe, brief=brief, overrides=overrides, edits=(*recipe.edits, prompt.strip()))
    return EditResult(recipe=edited, understood=list(understood))
