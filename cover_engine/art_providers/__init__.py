"""Art providers: the picture under the type from an image model (hosted or self-hosted).

`procedural` (the engine's own painters) is the default and the fallback. Everything but the picture
stays ours: the brief, the layout with room for the type, typesetting, the contrast treatment
measured on the picture's pixels, formats, the square re-layout, text edits.

    config = ArtConfig(provider="openai", api_key=..., ...)
    provider = provider_for(config)                       # None for procedural
    result = art_generate(provider, recipe)               # ArtResult: image bytes, seed, latency
    png = cover_engine.render(recipe, artwork=result.image)
"""

from __future__ import annotations

from .base import (
    FALLBACKS,
    GENERATE,
    INPAINT,
    OUTPAINT,
    PROVIDER_NAMES,
    UPSCALE,
    ArtConfig,
    ArtContentRefused,
    ArtOperationUnsupported,
    ArtProvider,
    ArtProviderError,
    ArtRequest,
    ArtResult,
)
from .images import ImageArtwork, image_loader_set
from .operations import (
    art_cover,
    art_edit,
    art_generate,
    art_meta,
    art_request,
    art_square,
    art_upscale,
    design_fallback,
    design_with_art,
    planned_recipe,
    varied_recipe,
    with_art,
)
from .prompt import art_prompt
from .transport import breakers_reset


def provider_for(config: ArtConfig) -> ArtProvider | None:
    """The provider a config names, ready to call; None for the procedural painters."""
    if config.provider == "procedural":
        return None
    if config.provider in ("openai", "openai-compatible"):
        from .openai import OpenAIImages

        return OpenAIImages(config)
    if config.provider == "stability":
        from .stability import StabilityImages

        return StabilityImages(config)
    if config.provider == "comfyui":
        from .comfyui import ComfyUI

        return ComfyUI(config)
    from .automatic1111 import Automatic1111

    return Automatic1111(config)


__all__ = [
    "art_cover",
    "planned_recipe",
    "varied_recipe",
    "with_art",
    "FALLBACKS",
    "GENERATE",
    "INPAINT",
    "OUTPAINT",
    "PROVIDER_NAMES",
    "UPSCALE",
    "ArtConfig",
    "ArtContentRefused",
    "ArtOperationUnsupported",
    "ArtProvider",
    "ArtProviderError",
    "ArtRequest",
    "ArtResult",
    "ImageArtwork",
    "art_edit",
    "art_generate",
    "art_meta",
    "art_prompt",
    "art_request",
    "art_square",
    "art_upscale",
    "breakers_reset",
    "design_fallback",
    "design_with_art",
    "image_loader_set",
    "provider_for",
]
