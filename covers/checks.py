"""System checks (`manage.py check`, run at every start): the image-model settings make sense."""

from __future__ import annotations

from django.core import checks

from cover_engine import EngineError
from cover_engine import art_providers as art
from covers import conf


@checks.register()
def art_provider_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """BYC_ART_* name a known provider and fallback, with what that provider needs (a key, a workflow
    file): a typo is reported when the service starts, not by every job failing."""
    try:
        config = art.ArtConfig(**conf.art_config_values())
        art.provider_for(config)
    except (EngineError, ValueError) as exc:
        return [checks.Error(f"Image model settings: {getattr(exc, 'message', exc)}", id="covers.E001")]
    return []
