"""Reads the motif lexicon (E3's lexicon.py) when it exists, tolerating its absence while it is built."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _motifs() -> dict:
    try:
        from .. import lexicon
    except ImportError:
        return {}
    return dict(getattr(lexicon, "MOTIFS", {}) or {})


def category_of(name: str) -> str | None:
    info = _motifs().get(name)
    if info is None:
        norm = " ".join(name.lower().replace("_", " ").replace("-", " ").split())
        for key, value in _motifs().items():
            if " ".join(str(key).lower().replace("_", " ").replace("-", " ").split()) == norm:
                info = value
                break
    if info is None:
        return None
    return getattr(info, "category", None) or (info.get("category") if isinstance(info, dict) else None)


def lexicon_names() -> list[str]:
    return sorted(_motifs())
