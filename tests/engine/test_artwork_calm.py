"""Text areas stay quiet in the scenes where real renders showed detail behind the type: leaves over
the author, lit grid cells behind the title, rain through the letters, a profile under the author."""

from __future__ import annotations

import numpy as np
import pytest
from test_artwork import luma, make_brief, paint

W, H = 200, 320
TITLE = (0.08, 0.06, 0.84, 0.2)
AUTHOR = (0.15, 0.86, 0.7, 0.07)

CASES = [
    ("botanical", {"variant": "leaves", "density": "dense", "lighting": "day"}, ("leaves",), "dusk"),
    ("botanical", {"variant": "corners", "density": "dense", "lighting": "day"}, ("rose",), "day"),
    ("geometric", {"variant": "grid", "density": "dense"}, ("grid",), "night"),
    ("landscape", {"variant": "plains", "lighting": "storm", "density": "dense"}, ("crown",), "storm"),
    ("portrait", {"variant": "profile", "hero": "high", "lighting": "studio"}, ("woman",), "day"),
    ("portrait", {"variant": "profile", "hero": "right", "lighting": "dawn"}, ("woman",), "dawn"),
]


def zone_residual(img: np.ndarray, zone) -> float:
    """How much a zone departs from a smooth vertical gradient: the 98th percentile of |luma - row mean|."""
    x, y, w, h = zone
    x0, y0, x1, y1 = int(x * W) + 2, int(y * H) + 2, int((x + w) * W) - 2, int((y + h) * H) - 2
    block = luma(img)[y0:y1, x0:x1]
    return float(np.percentile(np.abs(block - block.mean(axis=1, keepdims=True)), 98))


@pytest.mark.parametrize("scene,params,motifs,lighting", CASES, ids=[f"{c[0]}-{c[1]['variant']}" for c in CASES])
@pytest.mark.parametrize("seed", [3, 11])
def test_detail_stays_out_of_the_text_areas(scene, params, motifs, lighting, seed):
    img = paint(
        scene, make_brief(*motifs, lighting=lighting), params=params, seed=seed, size=(W, H), calm=[TITLE, AUTHOR]
    )
    for zone in (TITLE, AUTHOR):
        assert zone_residual(img, zone) < 14, (scene, zone)
