"""Rendering with a check on the result: distinct covers, and edits that show what they claim.

    render_distinct(candidates, others=[...], ...) -> Checked    # first candidate far enough from the others
    render_edit(source, prompt, ...) -> Checked                   # or EditNotUnderstood / EditNotApplied

Both look at the pixels and at what the painters drew (the artwork journal), never at the recipe
alone: a credit buys a result the author can see.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import distinct
from .design import (
    FIELD_PIECES,
    MIN_SUBJECT_SHARE,
    NO_ROOM,
    TOO_SMALL,
    _largest,
    design_report,
    subject_reads,
    subject_share,
    visible_share,
)
from .edits import EditOutcome, Instruction, edit_outcome
from .errors import EditNotApplied
from .recipe import Recipe
from .render import RenderReport, render_with_report

# How many candidates a unit may render before it settles for the most distinct one.
MAX_ATTEMPTS = 5
# The title moved or resized visibly: its centre moved by this share of the height, or its height changed this much.
TITLE_MOVE = 0.05
TITLE_RESIZE = 0.08
# A picture-wide change (colours, light, mood): mean difference or changed cells at least this.
PICTURE_CHANGE = 2.5
# Second tries when a subject was lost: (hero place, factor on the title size or None).
LOST_REPAIRS = (("left", None), ("right", None), ("high", None), ("centre", 0.8), ("left", 0.8), ("right", 0.8))
# An added subject shows: at least this share of the cells under it changed.
REGION_CHANGE = 0.12
# Below this the two covers are the same picture: no subject instruction can have shown.
NO_CHANGE = 0.5
# A subject made bigger/smaller reads so when its width changed by this factor.
SIZE_CHANGE = 1.12
# Weather that is also a light: when the design has no room for its pieces (rain, lightning), the
# light it relit the picture with still shows, and that is what the edit then claims.
WEATHER_LIGHT = {"storm": ("storm", "stormy light"), "lightning": ("storm", "stormy light")}
# The sky of a cover, where weather shows first: its upper half (x, y, w, h as shares of the cover).
SKY = (0.0, 0.0, 1.0, 0.5)


@dataclass
class Checked:
    recipe: Recipe
    png: bytes
    report: RenderReport
    signature: distinct.Signature
    design: dict[str, Any]
    nearest: float | None = None  # difference to the closest of the others (None: nothing to compare)
    applied: list[str] = field(default_factory=list)


def _render(recipe: Recipe, format: str, scale: float) -> tuple[bytes, RenderReport, distinct.Signature]:
    png, report = render_with_report(recipe, format=format, scale=scale)
    return png, report, distinct.signature(png)


def render_distinct(
    candidates: Iterable[Recipe],
    *,
    others: Sequence[distinct.Signature] = (),
    must_draw: Mapping[str, float] | None = None,
    format: str = "ebook",
    scale: float = 1.0,
    threshold: float = distinct.DISTINCT_THRESHOLD,
    attempts: int = MAX_ATTEMPTS,
) -> Checked:
    """Render candidates in order until one is at least `threshold` from every signature in `others`
    and draws every subject of `must_draw` at least at its width share (a variation keeps the hero at
    its size); else the best of MAX_ATTEMPTS (keeping the subjects first, then the most distinct)."""
    must_draw = must_draw or {}
    best: Checked | None = None
    best_key: tuple[bool, bool, float] | None = None
    for attempt, recipe in enumerate(candidates):
        if attempt >= attempts:
            break
        png, report, sig = _render(recipe, format, scale)
        nearest = distinct.closest(sig, others)
        keeps = all(
            subject_reads(report.drawn, name, report.width, report.height)
            and visible_share(report.drawn, name, report.width, report.height) >= share
            for name, share in must_draw.items()
        )
        far = nearest is None or nearest >= threshold
        if far and keeps:
            return Checked(recipe, png, report, sig, design_report(recipe, report), nearest)
        key = (keeps, far, nearest if nearest is not None else 255.0)
        if best_key is None or key > best_key:
            best = Checked(recipe, png, report, sig, design_report(recipe, report), nearest)
            best_key = key
    if best is None:
        raise ValueError("render_distinct needs at least one candidate")
    return best


def drawn_subjects(report: RenderReport, names: Iterable[str]) -> list[str]:
    """The names among `names` that read on the rendered cover."""
    return [n for n in names if subject_reads(report.drawn, n, report.width, report.height)]


# --- edits ------------------------------------------------------------------------------------------


def _title_box(report: RenderReport) -> tuple[float, float] | None:
    title = report.element("title")
    if title is None:
        return None
    x0, y0, x1, y1 = title.box
    return (y0 + y1) / 2 / report.height, (y1 - y0) / report.height


def _verify(
    instruction: Instruction,
    *,
    before: RenderReport,
    after: RenderReport,
    sig_before: distinct.Signature,
    sig_after: distinct.Signature,
) -> str | None:
    """None when the instruction shows on the edited cover, else why not (plain words)."""
    kind, subject = instruction.kind, instruction.subject
    width = after.width
    if kind == "title":
        a, b = _title_box(before), _title_box(after)
        if a is None or b is None:
            return "the title could not be placed"
        moved = abs(a[0] - b[0]) >= TITLE_MOVE
        resized = abs(a[1] - b[1]) >= TITLE_RESIZE * max(a[1], 1e-6)
        return None if moved or resized else "the title is already there, at that size"
    if kind == "type":
        ta, tb = before.element("title"), after.element("title")
        if ta is None or tb is None:
            return "the title could not be set"
        return None if ta.faces != tb.faces else "the cover already uses that kind of type"
    if kind == "picture" or subject is None:
        changed = distinct.pixel_difference(sig_before, sig_after) >= PICTURE_CHANGE
        return None if changed or distinct.changed_share(sig_before, sig_after) >= 0.04 else "no visible change"
    action = kind.removeprefix("subject-")
    was = subject_share(before.drawn, subject, before.width, before.height)
    now = subject_share(after.drawn, subject, width, after.height)
    field_piece = subject.replace("_", " ") in FIELD_PIECES
    if action in ("remove", "fewer", "smaller") and _largest(before.drawn, subject) is None:
        return "it was not on the cover"
    if action in ("add", "more", "bigger") and not subject_reads(after.drawn, subject, width, after.height):
        return NO_ROOM if now == 0 else TOO_SMALL
    if (
        distinct.pixel_difference(sig_before, sig_after) < NO_CHANGE
        and distinct.changed_share(sig_before, sig_after) == 0
    ):
        return "it is already on the cover" if action in ("add", "more") else "no visible change"
    if action == "add":
        if was > 0 and not field_piece and now < was * SIZE_CHANGE:
            return "it is already on the cover"
        piece = _largest(after.drawn, subject)
        if piece is not None and not field_piece:
            region = (piece.x / width, piece.y / after.height, piece.w / width, piece.h / after.height)
            if distinct.changed_share(sig_before, sig_after, region=region) < REGION_CHANGE:
                return "it was drawn but does not stand out from what is behind it"
        return None
    if action in ("more", "bigger"):
        if field_piece:
            return None if distinct.pixel_difference(sig_before, sig_after) >= PICTURE_CHANGE else "no visible change"
        return None if now >= max(was, 1e-6) * SIZE_CHANGE or was == 0 else "it could not be drawn bigger here"
    if action == "remove":
        if _largest(before.drawn, subject) is None:
            return "it was not on the cover"
        return None if _largest(after.drawn, subject) is None else "the design could not leave it out"
    if field_piece or action == "fewer":
        return None if distinct.pixel_difference(sig_before, sig_after) >= PICTURE_CHANGE / 2 else "no visible change"
    return None if now <= was / SIZE_CHANGE else "it could not be drawn smaller here"


def _weather_claim(
    instruction: Instruction,
    outcome: EditOutcome,
    after: RenderReport,
    sig_before: distinct.Signature,
    sig_after: distinct.Signature,
) -> str | None:
    """What a weather instruction can honestly claim when its pieces were not drawn: its light
    ("stormy light"), if the edit relit the cover with it, the sky or the whole picture shows it,
    and no sun still shines (a smiling sun over greener hills is no storm)."""
    lighting, claim = WEATHER_LIGHT.get(instruction.subject or "", ("", ""))
    if not claim or instruction.kind != "subject-add" or outcome.brief.lighting != lighting:
        return None
    if _largest(after.drawn, "sun") is not None:
        return None
    sky = distinct.changed_share(sig_before, sig_after, region=SKY) >= REGION_CHANGE
    return claim if sky or distinct.pixel_difference(sig_before, sig_after) >= PICTURE_CHANGE else None


def _promote(recipe: Recipe, subject: str, *, slot: str) -> Recipe:
    """The added subject drawn bigger: at full weight where it is ("same"), in the secondary slot
    right after the hero, which the painters that draw one supporting subject fill ("secondary"),
    or as the cover's hero ("hero")."""
    motifs = list(recipe.brief.motifs)
    index = next((i for i, m in enumerate(motifs) if m.name == subject), None)
    if index is None:
        return recipe
    chosen = replace(motifs.pop(index), weight=1.0)
    if slot == "hero":
        motifs.insert(0, chosen)
        motifs[1:] = [replace(m, weight=min(m.weight, 0.8)) for m in motifs[1:]]
    elif slot == "secondary" and motifs:
        motifs.insert(1, chosen)
    else:
        motifs.insert(index, chosen)
    return replace(recipe, brief=replace(recipe.brief, motifs=tuple(motifs)))


def _repairs(recipe: Recipe, outcome: EditOutcome, *, too_small: bool, lost: bool) -> list[Recipe]:
    """Recipe-level second tries: added subjects drawn bigger when they did not read (at full weight,
    then in the secondary slot, then as the hero), the hero placed elsewhere when a subject the cover
    had was lost. Never a change the prompt did not ask for just to make the picture differ."""
    tries: list[Recipe] = []
    added = [
        i.subject
        for i in outcome.instructions
        if i.kind in ("subject-add", "subject-bigger") and i.subject and i.subject.replace("_", " ") not in FIELD_PIECES
    ]
    current = recipe
    for subject in added:
        current = _promote(current, subject, slot="same")
    if added and too_small:
        tries.append(current)
        secondary = _promote(current, added[0], slot="secondary")
        if secondary.brief.motifs != current.brief.motifs:
            tries.append(secondary)
        tries.append(_promote(current, added[0], slot="hero"))
    if not lost:
        return tries
    base = tries[-1] if tries else recipe
    # The hero placed elsewhere; then, if the text took its room, the title a little smaller too.
    for place, title_scale in LOST_REPAIRS:
        overrides = {**base.overrides, "scene": {**(base.overrides.get("scene") or {}), "hero": place}}
        if title_scale is not None:
            overrides["title_scale"] = round(float(base.overrides.get("title_scale", 1.0)) * title_scale, 3)
        tries.append(replace(base, overrides=overrides))
    return tries


def _kept_subjects(source: Recipe, before: RenderReport, outcome: EditOutcome) -> list[str]:
    """Subjects the source showed that the edit did not ask away: an edit must not lose them, biggest first.

    A sun or moon is part of the light: an edit that changes the time of day or the weather may
    take it away (a storm hides the sun) without that being a side effect.
    """
    touched = {i.subject for i in outcome.instructions if i.subject and i.kind in ("subject-remove", "subject-fewer")}
    relit = (outcome.brief.lighting != source.brief.lighting) or (
        outcome.overrides.get("lighting") != source.overrides.get("lighting")
    )
    names = []
    for piece in sorted(before.drawn, key=lambda d: -d.w * d.h):
        if piece.name in touched or piece.name in names or piece.name in FIELD_PIECES:
            continue
        if relit and piece.name in ("sun", "moon"):
            continue
        if max(piece.w / before.width, piece.h / before.height) >= MIN_SUBJECT_SHARE:
            names.append(piece.name)
    return names


def _suggestion(outcome: EditOutcome, hero: str | None) -> str:
    """What to try instead: a design with no room for a second subject can still swap its hero."""
    added = [i.subject for i in outcome.instructions if i.kind == "subject-add" and i.subject]
    if added and hero and added[0] != hero:
        new, old = added[0].replace("_", " "), hero.replace("_", " ")
        return f"try 'replace the {old} with a {new}', or another cover."
    return "try another change or another cover."


def _hero_of(source: Recipe, kept: list[str]) -> str | None:
    """The cover's focal subject: its brief's hero when drawn, else the biggest subject drawn."""
    hero = source.brief.hero
    if hero is not None and hero in kept:
        return hero
    non_sky = [n for n in kept if n not in ("sun", "moon")]
    return non_sky[0] if non_sky else None


def edit_refusal(
    *, applied: Sequence[str], failed: Sequence[str], lost: Sequence[str], hero: str | None, outcome: EditOutcome
) -> EditNotApplied | None:
    """Why the best result of an edit cannot be delivered (its credit is refunded), or None.

    Losing the cover's focal subject is not a side effect to mention: the edit did not work here.
    Nothing of what was understood showing is no edit either. A supporting subject lost is
    delivered, and said in the design report."""
    if hero is not None and hero in lost:
        return EditNotApplied(
            f"The edit was understood but on this cover it would take the {hero.replace('_', ' ')} away "
            f"({'; '.join(applied) or 'nothing else shows'}). Its credit is refunded; try another change "
            "or another cover."
        )
    if not applied:
        detail = "; ".join(failed) or "no visible change"
        return EditNotApplied(
            f"The edit was understood but would not show on this cover ({detail}). "
            f"Its credit is refunded; {_suggestion(outcome, hero)}"
        )
    return None


def render_edit(source: Recipe, prompt: str, *, format: str = "ebook", scale: float = 1.0) -> Checked:
    """Apply an edit and check it on the pixels. Instructions that do not show are reported, not claimed.

    Raises EditNotUnderstood when nothing in the prompt can be acted on, EditNotApplied when nothing
    that was understood shows on the result (the caller refunds either).
    """
    outcome = edit_outcome(source.brief, dict(source.overrides), prompt)
    base = replace(source, brief=outcome.brief, overrides=outcome.overrides, edits=(*source.edits, prompt.strip()))
    _, before, sig_before = _render(source, format, scale)
    kept = _kept_subjects(source, before, outcome)
    hero = _hero_of(source, kept)

    def attempt(recipe: Recipe) -> tuple[tuple[int, int], Checked, list[str], list[str]]:
        png, after, sig = _render(recipe, format, scale)
        applied, failed = [], []
        for instruction in outcome.instructions:
            why = _verify(instruction, before=before, after=after, sig_before=sig_before, sig_after=sig)
            weather = _weather_claim(instruction, outcome, after, sig_before, sig) if why is not None else None
            if why is None:
                applied.append(instruction.said)
            elif weather is not None:
                applied.append(weather)
            else:
                failed.append(f"{instruction.said}: {why}")
        lost = [n for n in kept if not subject_reads(after.drawn, n, after.width, after.height)]
        checked = Checked(recipe, png, after, sig, {}, distinct.pixel_difference(sig_before, sig), applied)
        # A repair that shows one more instruction but loses a subject the cover had is no better.
        return (len(applied) - 2 * len(lost), len(applied)), checked, failed, lost

    best = attempt(base)
    if best[2] or best[3]:
        too_small = any(("too small" in why or "no room" in why) for why in best[2])
        for repaired in _repairs(base, outcome, too_small=too_small, lost=bool(best[3])):
            tried = attempt(repaired)
            if tried[0] > best[0]:
                best = tried
            if not best[2] and not best[3]:
                break
    _score, checked, failed, lost = best
    refusal = edit_refusal(applied=checked.applied, failed=failed, lost=lost, hero=hero, outcome=outcome)
    if refusal is not None:
        raise refusal
    checked.design = design_report(
        checked.recipe,
        checked.report,
        applied=checked.applied,
        not_applied=failed + [f"the {n.replace('_', ' ')} could not stay on the cover after this change" for n in lost],
        ignored_words=outcome.ignored,
        undrawable=outcome.undrawable,
    )
    return checked


__all__ = ["MAX_ATTEMPTS", "Checked", "drawn_subjects", "edit_refusal", "render_distinct", "render_edit"]
