"""The cover engine: book text and options in, a finished cover PNG out.

Pure Python on purpose: nothing here imports Django, so the engine can be tested and
benchmarked without a database (a test checks it). Brief -> Artwork -> Typeset -> Image.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The submodule `render` shares its name with the function below: imported lazily, it would
# rebind `cover_engine.render` to the module on first use. Loading it first keeps the function.
from . import render as _render_module  # noqa: F401
from .errors import EditNotApplied, EditNotUnderstood, EngineError
from .recipe import RECIPE_VERSION, BookText, CoverOptions, Recipe

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .checked import Checked
    from .distinct import Signature
    from .service import EditResult
    from .template_catalogue import TemplateInfo

__all__ = [
    "RECIPE_VERSION",
    "BookText",
    "CoverOptions",
    "EditNotApplied",
    "EditNotUnderstood",
    "EditResult",
    "EngineError",
    "Recipe",
    "TemplateInfo",
    "catalogue",
    "recipe_edit",
    "recipe_for_book",
    "recipe_variation",
    "render",
    "render_edit",
    "render_generate_unit",
    "render_size",
    "render_variation_unit",
    "render_with_text",
    "template_by_id",
    "template_preview",
    "signature",
    "templates_for_genre",
    "unsupported_characters",
]


def __getattr__(name: str):
    # EditResult and TemplateInfo live in modules that pull in the heavier parts; load lazily.
    if name == "EditResult":
        from .service import EditResult

        return EditResult
    if name == "TemplateInfo":
        from .template_catalogue import TemplateInfo

        return TemplateInfo
    raise AttributeError(name)


def recipe_for_book(book: BookText, options: CoverOptions, *, seed: int) -> Recipe:
    from .service import recipe_for_book as impl

    return impl(book, options, seed=seed)


def recipe_variation(recipe: Recipe, *, seed: int, index: int = 0) -> Recipe:
    from .service import recipe_variation as impl

    return impl(recipe, seed=seed, index=index)


def recipe_edit(recipe: Recipe, prompt: str) -> EditResult:
    from .service import recipe_edit as impl

    return impl(recipe, prompt)


def render(recipe: Recipe, *, format: str = "ebook", scale: float = 1.0, artwork: bytes | None = None) -> bytes:
    """The cover as PNG; `artwork` (an image model's picture) replaces the painters under our type."""
    from .render import render as impl

    return impl(recipe, format=format, scale=scale, artwork=artwork)


def render_generate_unit(
    book: BookText,
    options: CoverOptions,
    *,
    seeds: Sequence[int],
    position: int,
    taken: Sequence[str] = (),
    others: Sequence[Signature] = (),
    format: str = "ebook",
    scale: float = 1.0,
) -> Checked:
    """Unit `position` of a generate job (seeds: one per unit), distinct from its siblings and `others`."""
    from .units import render_generate_unit as impl

    return impl(book, options, seeds=seeds, position=position, taken=taken, others=others, format=format, scale=scale)


def render_variation_unit(
    source: Recipe,
    *,
    seed: int,
    position: int,
    others: Sequence[Signature] = (),
    format: str = "ebook",
    scale: float = 1.0,
) -> Checked:
    """A variation of `source`: same design, recomposed, distinct from the source and `others`."""
    from .units import render_variation_unit as impl

    return impl(source, seed=seed, position=position, others=others, format=format, scale=scale)


def render_edit(source: Recipe, prompt: str, *, format: str = "ebook", scale: float = 1.0) -> Checked:
    """The edited cover, checked against the source; raises EditNotUnderstood / EditNotApplied."""
    from .checked import render_edit as impl

    return impl(source, prompt, format=format, scale=scale)


def render_with_text(source: Recipe, text: BookText, *, format: str = "ebook", scale: float = 1.0) -> Checked:
    """`source`'s design (template, brief, seed, edits) set with other book text, e.g. a corrected title."""
    from .units import render_with_text as impl

    return impl(source, text, format=format, scale=scale)


def signature(png: bytes) -> Signature:
    """A cover's thumbnail signature, to tell covers apart (see distinct.py)."""
    from .distinct import signature as impl

    return impl(png)


def render_size(format: str, scale: float) -> tuple[int, int]:
    from .render import render_size as impl

    return impl(format, scale)


def catalogue() -> list[TemplateInfo]:
    from .template_catalogue import catalogue as impl

    return impl()


def template_by_id(template_id: str) -> TemplateInfo | None:
    from .template_catalogue import template_by_id as impl

    return impl(template_id)


def templates_for_genre(genre: str) -> list[TemplateInfo]:
    from .template_catalogue import templates_for_genre as impl

    return impl(genre)


def template_preview(template_id: str, *, scale: float = 0.25) -> bytes:
    from .template_catalogue import template_preview as impl

    return impl(template_id, scale=scale)


def unsupported_characters(text: str) -> list[str]:
    from .typeset.fonts import unsupported_characters as impl

    return impl(text)
