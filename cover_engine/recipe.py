"""The Recipe: everything needed to render one cover again, byte for byte.

A Recipe is plain data (JSON-serialisable through to_dict / from_dict) stored with every Cover.
Rendering the same Recipe always gives the same pixels; a variation is a new seed, an edit is a
changed brief or typography overrides.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from .errors import EngineError

if TYPE_CHECKING:
    from .brief import Brief

RECIPE_VERSION = 1

# Typography overrides an edit may set, with the values the typesetter understands.
OVERRIDE_KEYS = ("title_position", "title_scale", "type_voice")


@dataclass(frozen=True)
class BookText:
    """A snapshot of the book's text at the time the cover was made."""

    title: str
    author: str
    genre: str
    subtitle: str = ""
    subgenre: str = ""
    summary: str = ""
    target_audience: str = ""

    def to_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BookText:
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in data.items() if k in known})


@dataclass(frozen=True)
class CoverOptions:
    """What the author asked for besides the book itself."""

    template_id: str | None = None
    mood: str | None = None
    palette: str | None = None
    main_elements: str = ""


@dataclass(frozen=True)
class Recipe:
    version: int
    text: BookText
    template_id: str
    brief: Brief
    seed: int
    overrides: dict[str, Any] = field(default_factory=dict)
    edits: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "text": self.text.to_dict(),
            "template_id": self.template_id,
            "brief": self.brief.to_dict(),
            "seed": self.seed,
            "overrides": {k: self.overrides[k] for k in sorted(self.overrides)},
            "edits": list(self.edits),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Recipe:
        from .brief import Brief

        version = data.get("version")
        if version != RECIPE_VERSION:
            raise EngineError(
                f"recipe version {version!r} is not supported (this engine reads version {RECIPE_VERSION})",
                code="recipe_version_unsupported",
            )
        try:
            return cls(
                version=RECIPE_VERSION,
                text=BookText.from_dict(data["text"]),
                template_id=str(data["template_id"]),
                brief=Brief.from_dict(data["brief"]),
                seed=int(data["seed"]),
                overrides=dict(data.get("overrides") or {}),
                edits=tuple(str(e) for e in data.get("edits") or ()),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EngineError(f"recipe is malformed: {exc}", code="recipe_invalid") from exc
