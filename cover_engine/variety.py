"""Distinct choices up front: every cover of a job is another design, every variation another take.

A job of N covers is planned as a whole (`recipes_for_job`): each unit takes a different fitting
template from the best few for the book (skipping templates the book already has), so units
rendered in parallel by several workers are distinct without seeing each other. When the genre
offers too few designs, or the author locked one, a unit becomes a *composition variant*
(`composition_variant`): the title block moved, the picture mirrored, the hero placed elsewhere and
another palette of the same family. Variations (`variation_candidates`) keep the design (template
family, palette family, type voice) and change only those levers.

The pixels are checked afterwards (distinct.py, render_checked in checked.py); this module only
makes the first choice unlikely to fail that check.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import replace

from . import palettes
from .recipe import BookText, CoverOptions, Recipe
from .service import TEMPLATE_LOCKED, recipe_for_book

# The few best designs a job's covers are drawn from (more would reach templates that fit the
# genre on paper but not the book: a space station for a legal thriller).
POOL_MAX = 5
SCORE_MARGIN = 6.0
HERO_PLACES = ("left", "right", "high", "low", "centre")
TITLE_PLACES = ("top", "middle", "bottom")
# Keys a composition variant sets; a variation of a variant replaces them rather than stacking.
VARIANT_KEYS = ("title_position", "title_scale", "treatment", "mirror", "scene", "variant", "zoom", "zoom_at", "lever")
# The three takes of a variation job, one lever each, so the three read as three covers, not one
# cover nudged: the hero cropped close, another light, the picture mirrored with the type moved.
TAKES = ("close", "light", "mirror")
# Where a crop centres for each hero place (shares of the cover): the hero stays in the frame.
ZOOM_AT = {"centre": (0.5, 0.75), "high": (0.5, 0.55), "low": (0.5, 0.85), "left": (0.32, 0.75), "right": (0.68, 0.75)}
CLOSE_ZOOM = 1.5
CLOSE_ZOOM_ALTERNATE = 1.7
# A larger title with the close crop; more would shrink some painters' heroes to make room for it
# (the alternate, closer take tries it when the first barely changes the cover).
CLOSE_TITLE_SCALE = 1.1
CLOSE_TITLE_SCALE_ALTERNATE = 1.2
MIRROR_TITLE_SCALE = 1.2
# Another time of day for each light (the far one reads at thumbnail size), and the horizon moved with it.
LIGHT_TURN = {"dusk": "night", "night": "dawn", "dawn": "night", "day": "dusk", "storm": "dawn"}
# Title treatments a variant moves between (each keeps the type voice).
TREATMENT_CYCLE = ("panel", "band", "shadow", "plain")


def template_pool(recipe: Recipe) -> list[str]:
    """The best fitting template ids for the recipe's book, best first."""
    from .templates import CATALOGUE, ranked_templates

    ranked = ranked_templates(CATALOGUE, recipe.brief, recipe.text)
    if not ranked:
        return [recipe.template_id]
    best = ranked[0][0]
    pool = [spec.id for i, (score, spec) in enumerate(ranked) if i < 3 or score >= best - SCORE_MARGIN]
    return pool[:POOL_MAX]


def _weighted_order(recipe: Recipe, ids: list[str], seed: int) -> list[str]:
    """The pool in a seeded order that still favours the better fits (weights halve every 2 points)."""
    from .templates import CATALOGUE, template_fit

    rng = random.Random(f"job-order:{seed}")
    keyed = []
    for tid in ids:
        score = template_fit(CATALOGUE[tid], recipe.brief, recipe.text) or 0.0
        weight = math.pow(0.5, -score / 2.0)
        keyed.append((rng.random() ** (1.0 / weight), tid))  # weighted sampling without replacement
    return [tid for _, tid in sorted(keyed, reverse=True)]


def recipes_for_job(
    book: BookText, options: CoverOptions, *, seeds: Sequence[int], taken: Sequence[str] = ()
) -> list[Recipe]:
    """One recipe per unit of a job (seeds[i] for unit i), each a different design.

    `taken`: templates the book's earlier covers use; they come last, so asking for more covers
    brings new designs first. Deterministic: every worker computes the same plan.
    """
    first = recipe_for_book(book, options, seed=seeds[0])
    if first.overrides.get(TEMPLATE_LOCKED):
        order = [first.template_id]
    else:
        pool = template_pool(first)
        fresh = [t for t in _weighted_order(first, pool, seeds[0]) if t not in taken]
        # The first unit keeps the selection's own pick when it is fresh (it is the best guess).
        if first.template_id in fresh:
            fresh.remove(first.template_id)
            fresh.insert(0, first.template_id)
        order = fresh + [t for t in pool if t in taken] or [first.template_id]
    recipes = []
    uses: dict[str, int] = {t: sum(1 for x in taken if x == t) for t in order}
    for i, seed in enumerate(seeds):
        template_id = order[i % len(order)]
        recipe = first if i == 0 else recipe_for_book(book, options, seed=seed)
        recipe = replace(recipe, template_id=template_id)
        used = uses.get(template_id, 0)
        uses[template_id] = used + 1
        if used:
            recipe = composition_variant(recipe, used, seed=seed)
        recipes.append(recipe)
    return recipes


def _current_title_place(recipe: Recipe) -> str:
    from .templates import CATALOGUE
    from .typeset.layout import position_of

    place = recipe.overrides.get("title_position")
    if place in TITLE_PLACES:
        return place
    template = CATALOGUE.get(recipe.template_id)
    return position_of(template.layout.title) if template else "top"


def _template_treatment(recipe: Recipe) -> str:
    from .templates import CATALOGUE

    template = CATALOGUE.get(recipe.template_id)
    return template.type.treatment if template else "plain"


def _sibling_palette(palette: palettes.Palette, index: int) -> palettes.Palette:
    """Another palette of the same family and tone (the index-th one), or the same palette if none."""
    variant = palettes.VARIANTS.get(palette.name)
    if variant is None:
        return palette
    others = [v for v in palettes.FAMILIES.get(variant.family, ()) if v.palette.name != palette.name]
    same_tone = [v for v in others if v.tone == variant.tone] or others
    if not same_tone:
        return palette
    return same_tone[(index - 1) % len(same_tone)].palette


def composition_variant(recipe: Recipe, index: int, *, seed: int, keep_palette: bool = False) -> Recipe:
    """The same design recomposed (index >= 1 picks the levers): title block, mirror, hero place, palette.

    Author choices are kept: a title position set by an edit stays, a palette family stays.
    """
    rng = random.Random(f"variant:{seed}:{index}")
    overrides = {k: v for k, v in recipe.overrides.items() if k not in VARIANT_KEYS}
    current = _current_title_place(recipe)
    author_placed = "title_position" in recipe.overrides and not recipe.overrides.get("variant")
    if not author_placed:
        places = [p for p in TITLE_PLACES if p != current]
        overrides["title_position"] = places[(index - 1) % len(places)] if index % 3 != 0 else current
    if index % 3 == 0 and "title_scale" not in overrides:
        # The title stays where it is: it grows instead, and the picture around it recomposes.
        overrides["title_scale"] = 1.3
    if index % 2 == 0:
        own = _template_treatment(recipe)
        cycle = [t for t in TREATMENT_CYCLE if t != own]
        overrides["treatment"] = cycle[(index // 2 - 1) % len(cycle)]
    if index % 2 == 1:
        overrides["mirror"] = True
    overrides["scene"] = {"hero": HERO_PLACES[(index + rng.randrange(len(HERO_PLACES))) % len(HERO_PLACES)]}
    overrides["variant"] = index
    brief = recipe.brief
    if not keep_palette:
        brief = replace(brief, palette=_sibling_palette(brief.palette, index))
    return replace(recipe, seed=seed, overrides=overrides, brief=brief)


def _template_param(recipe: Recipe, name: str):
    from .templates import CATALOGUE

    template = CATALOGUE.get(recipe.template_id)
    return template.scene_params.get(name) if template else None


def variation_take(recipe: Recipe, position: int, *, seed: int, alternate: bool = False) -> Recipe:
    """The position-th take of a variation job: one strong lever of TAKES, the design otherwise kept.

    Levers a variation set on the source are replaced (a variation of a variation is not stacked);
    a light the author asked for by an edit stays, and that take moves the horizon and hero instead.
    `alternate`: the same lever pulled another way, for designs the first way crowds or barely changes
    (a crop closer with a larger title, a light with the hero kept, a mirror with the hero kept).
    """
    take = TAKES[position % len(TAKES)]
    lever_light = recipe.overrides.get("lever") == "light"
    overrides = {
        k: v for k, v in recipe.overrides.items() if k not in VARIANT_KEYS and not (k == "lighting" and lever_light)
    }
    source_scene = recipe.overrides.get("scene") if isinstance(recipe.overrides.get("scene"), dict) else {}
    hero = str(source_scene.get("hero") or _template_param(recipe, "hero") or "centre")
    hero = hero if hero in ZOOM_AT else "centre"
    horizon = _template_param(recipe, "horizon")
    author_placed = "title_position" in recipe.overrides and not recipe.overrides.get("variant")
    if author_placed:
        overrides["title_position"] = recipe.overrides["title_position"]
    if take == "close":
        # The same picture, cropped close about its hero: the hero large, the scenery cut by the edges.
        overrides["zoom"] = CLOSE_ZOOM_ALTERNATE if alternate else CLOSE_ZOOM
        overrides["zoom_at"] = list(ZOOM_AT[hero])
        overrides["scene"] = {"hero": hero}
        if "title_scale" not in overrides:
            # A close crop takes a larger title: the cover speaks louder, not only nearer.
            overrides["title_scale"] = CLOSE_TITLE_SCALE_ALTERNATE if alternate else CLOSE_TITLE_SCALE
    elif take == "light":
        light = str(overrides.get("lighting") or _template_param(recipe, "lighting") or recipe.brief.lighting)
        if "lighting" not in overrides and light in LIGHT_TURN:
            overrides["lighting"] = LIGHT_TURN[light]
        scene: dict = {"hero": hero if alternate else "left" if hero in ("centre", "right", "high") else "right"}
        if isinstance(horizon, (int, float)):
            # A lower horizon under the other sky: more sky, the land a band.
            scene["horizon"] = round(float(horizon) - 0.1 if horizon > 0.6 else float(horizon) + 0.1, 2)
        overrides["scene"] = scene
    else:
        overrides["mirror"] = True
        if not author_placed:
            current = _current_title_place(recipe)
            overrides["title_position"] = "top" if current != "top" else "middle"
        own = _template_treatment(recipe)
        overrides["treatment"] = "band" if own != "band" else "panel"
        # The hero moves too: a mirrored centred picture alone would look the same.
        moved = {"left": "right", "right": "left", "high": "low"}.get(hero, "high")
        overrides["scene"] = {"hero": hero if alternate else moved}
        if alternate and "title_scale" not in overrides:
            overrides["title_scale"] = MIRROR_TITLE_SCALE
    overrides["lever"] = take
    overrides["variant"] = int(recipe.overrides.get("variant") or 0) + 1 + position
    brief = recipe.brief
    if take == "light":
        # Another light reads only weakly under the same colours: a sibling palette of the family with it.
        brief = replace(brief, palette=_sibling_palette(brief.palette, 1 + position // len(TAKES)))
    return replace(recipe, seed=seed, overrides=overrides, brief=brief)


def _same_voice_family(recipe: Recipe) -> list[str]:
    """Other fitting templates of the recipe's family with the same title voice (a variation may move there)."""
    from .templates import CATALOGUE, ranked_templates

    source = CATALOGUE.get(recipe.template_id)
    if source is None:
        return []
    return [
        spec.id
        for _score, spec in ranked_templates(CATALOGUE, recipe.brief, recipe.text)
        if spec.id != source.id and spec.family == source.family and spec.type.title_voice == source.type.title_voice
    ]


def variation_candidates(recipe: Recipe, *, seed: int, index: int) -> Iterator[Recipe]:
    """Variations of a cover in order of preference: same design recomposed, then a sibling design.

    `index` (the unit's position, from 0) spreads the units of one job over different levers.
    """
    locked = bool(recipe.overrides.get(TEMPLATE_LOCKED))
    base_variant = int(recipe.overrides.get("variant") or 0)
    # First the position's own lever; its neighbours' levers next (on another seed) before the mixes.
    yield variation_take(recipe, index, seed=seed)
    yield variation_take(recipe, index, seed=seed + 11, alternate=True)
    for shift in range(1, len(TAKES)):
        yield variation_take(recipe, index + shift, seed=seed + 11 * shift)
    for attempt in range(3):
        yield composition_variant(recipe, base_variant + 1 + index + attempt * 5, seed=seed + attempt)
    if not locked:
        # A sibling design of the family (same type voice) between tries: a stronger change.
        for template_id in _same_voice_family(recipe)[:2]:
            yield composition_variant(replace(recipe, template_id=template_id), 1 + index, seed=seed, keep_palette=True)
    for attempt in range(3, 7):
        yield composition_variant(recipe, base_variant + 1 + index + attempt * 5, seed=seed + attempt)


__all__ = ["composition_variant", "recipes_for_job", "template_pool", "variation_candidates", "variation_take"]
