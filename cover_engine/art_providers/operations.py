"""Cover operations through an image model: the picture from the provider, the rest as always.

Each function returns an ArtResult (the picture and how it was made) or raises: ArtProviderError
(the caller falls back to the procedural painters or fails, as configured), ArtContentRefused,
ArtOperationUnsupported (the caller takes another path and says so). `art_meta` is what a recipe
keeps of it, so that the cover can be rendered again (formats, upscale, text edits) from the stored
picture without calling the provider again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..lexicon import motif_noun
from ..recipe import Recipe
from ..render import render_size, type_zones
from .base import INPAINT, ArtOperationUnsupported, ArtProvider, ArtRequest, ArtResult
from .images import decode, mask_png, png_of
from .prompt import ArtPrompt, art_prompt, free_band

# Square audiobook art from a portrait picture: outpainted at this many pixels a side at most.
SQUARE_SIDE = 1024
# Recipe overrides that touch only the text layer: an edit of these keeps the picture.
TEXT_ONLY = frozenset({"title_position", "title_scale", "type_voice", "treatment"})
# Recipe overrides that move the procedural picture (render.py): meaningless for a model's new picture.
PICTURE_MOVES = frozenset({"mirror", "zoom", "zoom_at"})


def art_request(
    recipe: Recipe, *, format: str = "ebook", seed: int | None = None, extra: str = ""
) -> tuple[ArtRequest, ArtPrompt]:
    zones = type_zones(recipe, format=format)
    brief = recipe.brief
    lighting = (recipe.overrides or {}).get("lighting")
    if isinstance(lighting, str) and lighting:
        # A variation or an edit that relit the cover ("make it night") relights the model's picture too.
        brief = replace(brief, lighting=lighting)
    prompt = art_prompt(brief, recipe.text, zones, extra=extra)
    width, height = render_size(format, 1.0)
    return ArtRequest(
        prompt.prompt, prompt.negative_prompt, width, height, recipe.seed if seed is None else seed
    ), prompt


def art_generate(provider: ArtProvider, recipe: Recipe, *, format: str = "ebook") -> ArtResult:
    request, _ = art_request(recipe, format=format)
    return provider.generate(request)


def _picture_changes(source: Recipe, edited: Recipe) -> bool:
    changed = {
        k for k in set(source.overrides) | set(edited.overrides) if source.overrides.get(k) != edited.overrides.get(k)
    }
    return source.brief != edited.brief or bool(changed - TEXT_ONLY)


def art_edit(provider: ArtProvider, source: Recipe, edited: Recipe, *, image: bytes) -> tuple[ArtResult | None, str]:
    """The edited picture and how it was made; (None, why) when the edit touches only the type.

    Subjects added or removed: inpainting of the picture's free area (away from the type) where the
    provider has it; anything else (light, palette, mood), or no inpainting: a new picture from the
    edited brief with the same seed.
    """
    if not _picture_changes(source, edited):
        return None, "The edit changed the type only; the picture was kept."
    before = {m.name for m in source.brief.motifs}
    added = [motif_noun(m.name) for m in edited.brief.motifs if m.name not in before]
    removed = [motif_noun(n) for n in edited.brief.avoid if n not in source.brief.avoid]
    if (added or removed) and INPAINT in provider.operations:
        picture = decode(image)
        free = free_band(type_zones(edited)) or (0.2, 0.8)
        asked = []
        if added:
            asked.append("Add " + ", ".join(added) + ", clearly visible, in the style and light of the picture")
        if removed:
            asked.append("Remove " + ", ".join(removed) + " and paint what would be behind")
        request, _ = art_request(edited, extra="; ".join(asked))
        request = replace(request, width=picture.width(), height=picture.height())
        mask = mask_png(
            picture.width(), picture.height(), [(0.0, free[0], 1.0, free[1] - free[0])], style=provider.mask_style
        )
        try:
            result = provider.inpaint(request, image=png_of(picture), mask=mask)
            return result, f"Inpainted the picture's free area with {provider.name}: {'; '.join(asked)}."
        except ArtOperationUnsupported:
            pass  # the server has no edits after all: a new picture below
    request, _ = art_request(edited)
    return provider.generate(request), f"Drew a new picture with {provider.name} from the edited brief."


def art_square(provider: ArtProvider, recipe: Recipe, *, image: bytes) -> tuple[ArtResult, str]:
    """Square art for the audiobook cover: the portrait picture outpainted left and right, or (no
    outpainting) a square picture from the same prompt and seed with the square layout's calm zones."""
    request, _ = art_request(recipe, format="square")
    try:
        picture = decode(image)
        scale = min(1.0, SQUARE_SIDE / max(picture.width(), picture.height()))
        w, h = round(picture.width() * scale), round(picture.height() * scale)
        side = max(w, h)
        margin = (side - w) // 2
        result = provider.outpaint(
            replace(request, width=side, height=side), image=png_of(picture, w, h),
            left=margin, right=side - w - margin, up=0, down=side - h,
        )  # fmt: skip
        return result, f"Outpainted the picture to a square with {provider.name}."
    except ArtOperationUnsupported:
        return provider.generate(request), f"Drew a square picture with {provider.name} (it has no outpainting)."


def art_upscale(provider: ArtProvider, recipe: Recipe, *, image: bytes) -> tuple[ArtResult | None, str]:
    request, _ = art_request(recipe)
    try:
        return provider.upscale(request, image=image), f"Upscaled the picture with {provider.name}'s upscaler."
    except ArtOperationUnsupported:
        return None, (
            f"{provider.name} has no upscaler: the type and layout were rendered again at full size over a "
            "high-quality resample of the picture."
        )


def art_meta(result: ArtResult, request_prompt: str, negative_prompt: str, *, image_name: str) -> dict[str, Any]:
    """What a recipe keeps of the picture (overrides["art"]): enough to render it again, and to draw it again."""
    return {
        "provider": result.provider,
        "model": result.model,
        "seed": result.seed,
        "prompt": request_prompt,
        "negative_prompt": negative_prompt,
        "operation": result.operation,
        "image": image_name,
    }


def design_with_art(design: dict[str, Any], recipe: Recipe, *, how: str = "") -> dict[str, Any]:
    """The design report of a cover whose picture an image model drew.

    We cannot see which subjects a model drew, so none is claimed drawn or missing: the subjects
    asked of it are listed as asked, with the prompt, the model and the seed.
    """
    art = (recipe.overrides or {}).get("art") or {}
    design = dict(design)
    design["subjectsDrawn"], design["subjectsNotDrawn"] = [], []
    design["artwork"] = {
        "source": "model",
        "provider": art.get("provider", ""),
        "model": art.get("model", ""),
        "seed": art.get("seed"),
        "prompt": art.get("prompt", ""),
        "subjectsAsked": [motif_noun(m.name) for m in recipe.brief.motifs],
        "note": how
        or f"The picture was drawn by {art.get('provider', 'an image model')}; the type, its "
        "placement and its contrast treatment are ours.",
    }
    return design


def design_fallback(design: dict[str, Any], *, provider: str, reason: str) -> dict[str, Any]:
    """The design report of a cover drawn by our painters because the provider failed."""
    return {
        **design,
        "artwork": {
            "source": "procedural",
            "provider": "procedural",
            "fallbackFrom": provider,
            "note": f"{provider} could not draw the picture ({reason}); our own painters drew it.",
        },
    }


def planned_recipe(book, options, *, seeds, position: int, taken=()) -> Recipe:
    """The design unit `position` of a generate job gets (the same plan the procedural path uses:
    a different template per unit), before its picture."""
    from ..variety import recipes_for_job

    return recipes_for_job(book, options, seeds=seeds, taken=taken)[position]


def varied_recipe(source: Recipe, *, seed: int, position: int) -> Recipe:
    """A variation's design: the source recomposed (its first take for this position), on a new seed."""
    from ..variety import variation_candidates

    varied = next(variation_candidates(source, seed=seed, index=position))
    # A new picture is drawn for it: mirroring or cropping that picture would only move it away
    # from the calm bands the model was asked to keep for the type.
    overrides = {k: v for k, v in varied.overrides.items() if k not in PICTURE_MOVES}
    return replace(varied, seed=seed, overrides=overrides)


def with_art(recipe: Recipe, meta: dict[str, Any]) -> Recipe:
    return replace(recipe, overrides={**recipe.overrides, "art": meta})


def art_cover(recipe: Recipe, *, artwork: bytes, format: str, scale: float, how: str = "") -> tuple[bytes, dict]:
    """The cover over a model's picture and its design report."""
    from ..design import design_report
    from ..render import render_with_report

    png, report = render_with_report(recipe, format=format, scale=scale, artwork=artwork)
    return png, design_with_art(design_report(recipe, report), recipe, how=how)
