"""Typesetting: fonts, line breaking, fitting and drawing of title, subtitle and author.

spec.py      TextBlock / LayoutSpec / TypeSpec: what templates declare
fonts.py     the typeface registry (voices, weights, per-script fallbacks, coverage)
fit.py       tokens, balanced line breaks, the largest size that fits a box
layout.py    edit overrides (title position/scale, type voice) and the square re-layout
setter.py    plan_text: faces, fitting and placement of every element, before the art
contrast.py  WCAG contrast measured on pixels; treatment strength needed
draw.py      draw_text: ink choice, treatments raised until 4.5:1 is measured, ornaments
"""
