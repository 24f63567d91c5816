"""Composed scenes: the archetypes of best-selling covers, each built on the layer stack of layers.py.

vista      the hero small against a vast layered world (lone figure on a road or ledge, scale shot)
character  the hero large, dark and rim-lit against a huge sun or moon (protagonist, couple, castle)
closeup    one object filling the cover under a hard key light, on a surface, dust in the beam
haven      a lit building in the middle distance, a path to its door, a companion in front

Every variant takes its focal subject from the brief's hero motif (`layers.focal_motif`); the
numbers that shape a variant live in VARIANTS, and templates override them through scene params.
"""

from __future__ import annotations

import math

import skia

from . import effects as fx
from . import layers as Ly
from . import world as W
from .characters import draw_storybook_hero, species_for
from .color import RGB, darken, lighten, mix, saturate
from .context import Art, MotifRef
from .motifs import shape_for

# horizon: share of the height; far: far-plane kind; fg: foreground kind; focal: the subject's
# longer side as a share of the width; texture: surface pass; default: subject when the hero
# cannot be drawn; light: default lighting; rays: god rays from the key light.
VARIANTS: dict[str, dict] = {
    "vista": {"horizon": 0.6, "far": "peaks", "fg": "rocks", "focal": 0.36, "texture": "grain",
              "default": "figure", "light": "dusk", "rays": True},
    "character": {"horizon": 0.8, "far": "skyline", "fg": "none", "focal": 0.95, "texture": "grain",
                  "default": "figure", "light": "night", "rays": False},
    "closeup": {"horizon": 0.74, "far": "none", "fg": "none", "focal": 0.62, "texture": "brush",
                "default": "key", "light": "night", "rays": True},
    "haven": {"horizon": 0.64, "far": "hills", "fg": "bushes", "focal": 0.5, "texture": "paper",
              "default": "house", "light": "dusk", "rays": False},
}  # fmt: skip


def _setting(art: Art, key: str):
    table = VARIANTS[_variant(art)]
    return art.param(key, table[key])


def _variant(art: Art) -> str:
    v = str(art.param("variant", "vista"))
    return v if v in VARIANTS else "vista"


def _ink(art: Art) -> RGB:
    """The near-black of silhouettes, tinted by the scene so it never reads as a hole."""
    ink = mix(darken(art.c("near"), 0.55), darken(art.c("sky_top"), 0.6), 0.3)
    # Pastel palettes have no dark: a silhouette must still be one (lightness at most 0.16).
    return W.ensure_lightness(ink, 0.0, 0.16)


def _sky(art: Art, horizon: float) -> str:
    # The design's lighting, else the book's; a storm in the book is weather and wins over both.
    light = str(art.params.get("lighting") or art.lighting or _setting(art, "light"))
    if art.lighting == "storm":
        light = "storm"
    W.paint_sky(art, horizon, light)
    W.paint_stars(art, horizon, light, 0.7)
    return light


def _key_light(art: Art, light: str, cx: float, cy: float, r: float) -> Ly.Light:
    """The sun or moon when the scene has one (the brief may have removed it), else a glow low on
    the horizon: either way the light the focal subject is rimmed by. When the book's subject is the
    sun or the moon, the disc is its focal point: at least a fifth of the width, recorded as the hero."""
    body = W.celestial_body(art, light)
    if body != "none":
        if Ly.celestial_hero(art):
            r = max(r, art.w * 0.15)  # a diameter of 0.3 W: the moon of the title reads as its subject
            art.layout.append(("hero", skia.Rect(cx - r, cy - r, cx + r, cy + r)))
        return Ly.backlight_disc(art, body, cx, cy, r, light)
    fx.glow(art, cx, cy, r * 4, art.c("glow"), 0.45)
    return Ly.Light(cx, cy, lighten(art.c("glow"), 0.1), 0.75)


def vista(art: Art) -> None:
    horizon = art.h * float(_setting(art, "horizon"))
    light = _sky(art, horizon)
    hx = W.hero_x(art)
    side = 1 if hx < art.w / 2 else -1
    y0, y1 = art.free_band(0, horizon)
    m = Ly.focal_motif(art, str(_setting(art, "default")))
    shape = shape_for(m.name, art.rng("shape-" + m.name))
    # A floating subject (a crown, a key, a bird) is silhouetted against the disc, so the disc grows.
    r = min(art.w * (0.12 if shape.ground else 0.2), (y1 - y0) * 0.4)
    # A disc behind a floating subject rides higher, clear of the far skyline or peaks.
    disc_y = y0 + (y1 - y0) * (0.55 if shape.ground else 0.45)
    key = _key_light(art, light, hx + side * art.w * 0.2 if shape.ground else art.w * 0.5, disc_y, r)
    if _setting(art, "rays"):
        Ly.god_rays(art, key, count=14)
    W.paint_clouds(art, horizon, light, 0.5)
    haze = W.haze_color(art, light)
    Ly.far_plane(art, horizon, light, kind=str(_setting(art, "far")))
    mid = Ly.ground(art, horizon + art.h * 0.07, art.h * 0.05, W.layer_color(art, 0.45, haze), "vista-mid")
    fx.fog(art, W.y_at(mid, hx, art.w) + art.h * 0.02, art.h * 0.05, lighten(haze, 0.05), 0.35)
    ledge_y = art.h * (0.86 if not art.square else 0.84)
    ledge = Ly.ground(art, ledge_y, art.h * 0.03, _ink(art), "vista-ledge", level_at=hx)
    if shape.ground:
        gy = W.y_at(ledge, hx, art.w) + 2
        wanted = Ly.focal_size(art, float(_setting(art, "focal")))
        x, size = W.best_column(art, gy, wanted, hx)
        size = max(size, art.w * Ly.MIN_FOCAL)
        _cast_shadow(art, x, gy, size, key)
        Ly.draw_focal(art, m, x=x, y=gy, size=size, fill=_ink(art), light=key, anchor="bottom")
    else:
        _emblem_on_disc(art, m, key, r, (y0, horizon))
        if art.allows("figure"):
            # The scale shot: a tiny onlooker on the ledge makes the ship or the crown huge.
            gy = W.y_at(ledge, hx, art.w) + 2
            onlooker = MotifRef("figure", 0.5, "design")
            drawn = W.draw_silhouette(art, onlooker, hx, gy, art.h * 0.1, _ink(art), light=key.color)
            art.layout.append(("secondary", drawn))
    Ly.foreground(art, str(_setting(art, "fg")), darken(_ink(art), 0.2), side=side)
    Ly.texture(art, str(_setting(art, "texture")), 0.5)
    W.finish(art, grain=0.0, vignette=0.4)


def _emblem_on_disc(art: Art, m: MotifRef, key: Ly.Light, r: float, band: tuple[float, float]) -> skia.Rect:
    """A floating subject centred on the sun or moon, dark against it with a rim of its light: the
    eclipse emblem. Centred on purpose, so the disc reads as its halo, never half covered."""
    room = max(band[1] - band[0], 1.0) * 0.9
    size = max(art.w * Ly.MIN_FOCAL, min(r * 2.0, room, art.w * 0.5))
    return Ly.draw_focal(art, m, x=key.x, y=key.y, size=size, fill=_ink(art), light=key, anchor="center")


def _cast_shadow(art: Art, x: float, gy: float, size: float, key: Ly.Light) -> None:
    """A long shadow thrown away from a low light across the ground toward the viewer."""
    dx, _ = key.direction(x, gy)
    reach = size * 0.9
    p = skia.Path()
    p.moveTo(x - size * 0.05, gy)
    p.lineTo(x + size * 0.05, gy)
    p.lineTo(x - dx * reach + size * 0.12, min(art.h, gy + size * 0.35))
    p.lineTo(x - dx * reach - size * 0.12, min(art.h, gy + size * 0.35))
    p.close()
    art.canvas.drawPath(p, fx.linear(art, gy, gy + size * 0.35, [(0, (0, 0, 0), 0.5), (1, (0, 0, 0), 0.0)]))


def _is_figure(name: str) -> bool:
    """People and animals rise from the bottom edge, cropped like a portrait; buildings and
    objects stand whole on the ground instead (a cropped house is just a wall)."""
    from .motifs import fauna, figures

    b = W.builder_name(name) or ""
    return b in figures.BUILDERS or b in fauna.BUILDERS


def character(art: Art) -> None:
    horizon = art.h * float(_setting(art, "horizon"))
    light = _sky(art, horizon)
    y0, y1 = art.free_band()
    # Each seed recomposes: the subject on the centre line or a little off it, the disc bigger or
    # smaller and shifted behind a shoulder.
    comp = art.rng("character-comp")
    hx = art.w * comp.choice((0.5, 0.37, 0.63)) if W.hero_mode(art) not in ("left", "right") else W.hero_x(art)
    flip = hx > art.w * 0.55  # the subject turns toward the centre of the cover
    m = Ly.focal_motif(art, str(_setting(art, "default")))
    shape = shape_for(m.name, art.rng("shape-" + m.name))
    rising = shape.ground and _is_figure(m.name)
    if rising:
        # The subject rises from below the frame (cropped at the knees) into the free band.
        base = art.h * 1.08
        size = min(base - y0, art.h * 0.8, art.w * 1.3) * float(_setting(art, "focal"))
    else:
        # A building or a ship stands whole, its foot just above the author line.
        base = min(art.h * 0.92, y1 + art.h * 0.01)
        size = min(art.w * 0.7, (base - y0) * 0.82)
    size = max(size, art.w * Ly.MIN_FOCAL)
    top = base - size
    r = min(art.w * 0.36, max(art.w * 0.22, (y1 - y0) * 0.42)) * comp.uniform(0.85, 1.0)
    cy = max(y0 + r * 0.8, top + size * 0.22) if shape.ground else (y0 + y1) / 2
    disc_x = hx + art.w * comp.uniform(-0.08, 0.08) if shape.ground else hx
    key = _key_light(art, light, disc_x, cy, r)
    Ly.god_rays(art, key, count=16)
    Ly.far_plane(art, horizon, light, kind=str(_setting(art, "far")), layers=2)
    if rising:
        Ly.draw_focal(art, m, x=hx, y=base, size=size, fill=_ink(art), light=key, anchor="bottom", flip=flip)
    elif shape.ground:
        Ly.ground(art, base, art.h * 0.02, _ink(art), "character-ground", level_at=hx)
        Ly.draw_focal(art, m, x=hx, y=base + 2, size=size, fill=_ink(art), light=key, anchor="bottom", flip=flip)
    else:
        _emblem_on_disc(art, m, key, r * 0.85, (y0, y1))
    Ly.texture(art, str(_setting(art, "texture")), 0.45)
    W.finish(art, grain=0.0, vignette=0.45)


def closeup(art: Art) -> None:
    field_top = darken(mix(art.c("sky_top"), art.c("near"), 0.5), 0.45)
    field_bottom = darken(field_top, 0.5)
    art.canvas.drawPaint(fx.linear(art, 0, art.h, [(0, field_top, 1), (1, field_bottom, 1)]))
    y0, y1 = art.free_band()
    rng = art.rng("closeup")
    side = rng.choice((-1, 1))
    key = Ly.Light(art.w * (0.5 + side * 0.38), art.h * 0.02, lighten(art.c("glow"), 0.15), 0.9)
    # The pool of light the object sits in, and the beam that makes it. A close-up has no sky: a sun
    # or moon subject is the object itself (a brass crescent in the beam).
    m = art.hero if Ly.celestial_hero(art) else Ly.focal_motif(art, str(_setting(art, "default")))
    shape = shape_for(m.name, art.rng("shape-" + m.name))
    size = Ly.focal_size(art, float(_setting(art, "focal")), room=(y1 - y0) * 0.86)
    cx = art.w * (0.5 + rng.uniform(-0.04, 0.04))
    cy = (y0 + y1) / 2
    fx.glow(art, cx, cy, size * 1.25, mix(art.c("glow"), field_top, 0.3), 0.55)
    aim = math.degrees(math.atan2(cy - key.y, cx - key.x))
    Ly.god_rays(art, key, count=5, spread=26, start=aim - 13)
    surface_y = cy + size * 0.5 if shape.ground else None
    if surface_y is not None and surface_y < art.h * 0.97:
        _surface(art, surface_y, field_top)
    fill = _object_fill(art, m)
    anchor_y = surface_y if surface_y is not None else cy
    anchor = "bottom" if shape.ground else "center"
    shadow = (0.0, 0.0, 0.0) if shape.ground else None
    detail = darken(art.c("accent"), 0.5)
    # A floating object turns a little from seed to seed, as a prop laid down by hand would.
    tilt = 0.0 if shape.ground else rng.uniform(-14, 14)
    art.canvas.save()
    art.canvas.rotate(tilt, cx, anchor_y)
    Ly.draw_focal(
        art, m, x=cx, y=anchor_y, size=size, fill=fill, light=key, anchor=anchor, shadow=shadow, detail=detail
    )
    art.canvas.restore()
    if _setting(art, "texture") != "none":  # a clean spotlight (business) has no dust in the air
        Ly.particles(art, Ly.Light(cx, cy, key.color), count=int(36 * W.density(art)), radius=0.4)
    Ly.texture(art, str(_setting(art, "texture")), 0.45)
    W.finish(art, grain=0.0, vignette=0.6)


def _object_fill(art: Art, m: MotifRef):
    """Objects are metal or lacquer in the accent colour; creatures and people stay dark, rim-lit;
    buildings and vehicles are dark wood or stone tinted by the accent."""
    if _is_figure(m.name):
        return _ink(art)  # a person or an animal in the spotlight is a silhouette with a bright rim
    if shape_for(m.name, art.rng("probe-" + m.name)).ground and W.kind_of(m.name) != "sky":
        return mix(_ink(art), art.c("accent"), 0.25)
    return fx.metal_shader(saturate(art.c("accent"), 1.1))


def _surface(art: Art, y: float, tone: RGB) -> None:
    """A table or floor the object stands on: a lit edge, then darkness toward the viewer."""
    c = lighten(tone, 0.12)
    art.canvas.drawRect(
        skia.Rect(0, y, art.w, art.h),
        fx.linear(art, y, art.h, [(0, c, 1.0), (0.4, darken(c, 0.5), 1.0), (1, (0, 0, 0), 1.0)]),
    )
    art.canvas.drawRect(skia.Rect(0, y - art.s * 1.5, art.w, y + art.s * 1.5), fx.fill_paint(lighten(c, 0.25), 0.6))


def haven(art: Art) -> None:
    horizon = art.h * float(_setting(art, "horizon"))
    light = _sky(art, horizon)
    hx = W.hero_x(art)
    side = 1 if hx < art.w / 2 else -1
    y0, y1 = art.free_band(0, horizon)
    r = min(art.w * 0.09, (y1 - y0) * 0.3)
    key = _key_light(art, light, hx + side * art.w * 0.28, y0 + (y1 - y0) * 0.45, r)
    W.paint_clouds(art, horizon, light, 0.45)
    haze = W.haze_color(art, light)
    Ly.far_plane(art, horizon, light, kind=str(_setting(art, "far")))
    hero = art.hero
    building = hero if hero is not None and _is_building(art, hero) else MotifRef("house", 0.8, "design")
    mid = Ly.ground(art, horizon + art.h * 0.08, art.h * 0.04, W.layer_color(art, 0.3, haze), "haven-mid", level_at=hx)
    gy = W.y_at(mid, hx, art.w) + 2
    wanted = Ly.focal_size(art, float(_setting(art, "focal")))
    x, size = W.best_column(art, gy, wanted, hx)
    size = max(size, art.w * Ly.MIN_FOCAL)
    warm = Ly.Light(key.x, key.y, mix(art.c("glow"), (1.0, 0.78, 0.4), 0.5), key.strength)
    fx.glow(art, x, gy - size * 0.4, size * 0.9, warm.color, 0.35)
    _path_to(art, x, gy, lighten(W.layer_color(art, 0.3, haze), 0.25))
    wall = W.layer_color(art, 0.15, haze)
    # Lit windows need a dark wall: a pastel palette's pale house would melt into its sky.
    wall = W.ensure_lightness(wall, 0.0, 0.26)
    if building is hero:
        Ly.draw_focal(art, building, x=x, y=gy, size=size, fill=wall, light=warm, anchor="bottom")
    else:
        W.draw_silhouette(art, building, x, gy, size * 0.85, wall, light=warm.color)
        art.layout.append(
            ("secondary", skia.Rect.MakeXYWH(x - size * 0.42, gy - size * 0.85, size * 0.85, size * 0.85))
        )
    if hero is not None and building is not hero and not Ly.celestial_hero(art):
        # The companion (a cat, a detective, a witch) stands in front, on the near ground.
        near = Ly.ground(
            art, art.h * 0.9, art.h * 0.02, _ink(art), "haven-near", level_at=art.w * 0.5 - side * art.w * 0.22
        )
        cx = art.w * 0.5 - side * art.w * 0.24
        cshape = shape_for(hero.name, art.rng("shape-" + hero.name))
        csize = Ly.focal_size(art, 0.3, room=art.h * 0.3)
        cy = W.y_at(near, cx, art.w) + 2
        if art.genre == "childrens" and species_for(hero.name) is not None:
            # A picture book's companion is a character with a face, not a shadow.
            draw_storybook_hero(art, hero, x=cx, y=cy, size=csize * 1.15, fill=art.c("accent"), anchor="bottom")
        elif cshape.ground:
            Ly.draw_focal(
                art, hero, x=cx, y=W.y_at(near, cx, art.w) + 2, size=csize, fill=_ink(art), light=warm, anchor="bottom"
            )
        else:
            _emblem_on_disc(art, hero, key, r * 1.2, (y0, horizon))
    Ly.foreground(art, str(_setting(art, "fg")), darken(_ink(art), 0.1), side=-side)
    Ly.texture(art, str(_setting(art, "texture")), 0.4)
    W.finish(art, grain=0.0, vignette=0.35)


def _is_building(art: Art, m: MotifRef) -> bool:
    from .motifs import architecture

    return shape_for(m.name, art.rng("probe-" + m.name)).ground and (
        (W.builder_name(m.name) or "") in architecture.BUILDERS
    )


def _path_to(art: Art, x: float, gy: float, c: RGB) -> None:
    """A path winding from the bottom edge to the door: it leads the eye to the focal point."""
    p = skia.Path()
    w0, w1 = art.w * 0.02, art.w * 0.16
    p.moveTo(x - w0, gy)
    p.cubicTo(x - art.w * 0.2, gy + (art.h - gy) * 0.4, x + art.w * 0.15, gy + (art.h - gy) * 0.7, x - w1, art.h + 2)
    p.lineTo(x + w1, art.h + 2)
    p.cubicTo(x + art.w * 0.25, gy + (art.h - gy) * 0.7, x - art.w * 0.12, gy + (art.h - gy) * 0.4, x + w0, gy)
    p.close()
    with fx.calm_layer(art, strength=0.7):
        art.canvas.drawPath(p, fx.linear(art, gy, art.h, [(0, c, 0.9), (1, darken(c, 0.4), 0.9)]))


def stage(art: Art) -> None:
    W.apply_tone(art)
    {"vista": vista, "character": character, "closeup": closeup, "haven": haven}[_variant(art)](art)
