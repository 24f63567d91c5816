"""The art provider interface: what the engine asks of an image model and what it gets back.

A provider draws the picture under the type and nothing else. It is given a prompt built from the
brief (prompt.py), a size and a composition (where the type sits); it returns an image. Our layout,
typesetting and contrast treatments are applied over that image exactly as over the procedural
painters' (render.py), so a model can never spoil the title's legibility.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from ..errors import EngineError

GENERATE = "generate"
INPAINT = "inpaint"
OUTPAINT = "outpaint"
UPSCALE = "upscale"

PROVIDER_NAMES = ("procedural", "openai", "stability", "openai-compatible", "comfyui", "automatic1111")
FALLBACKS = ("procedural", "fail")


class ArtProviderError(EngineError):
    """The provider could not give us a picture (down, timing out, refusing our key, answering nonsense)."""

    code = "art_provider_unavailable"


class ArtContentRefused(EngineError):
    """The provider's safety system refused the prompt or its own output: the author's request, not an outage."""

    code = "content_policy_violation"


class ArtOperationUnsupported(EngineError):
    """The provider has no such operation (no inpainting, no upscaler): the caller takes another path."""

    code = "art_operation_unsupported"


@dataclass(frozen=True)
class ArtConfig:
    """One deployment's (or one account's) provider settings; the key never shows in a repr."""

    provider: str = "procedural"
    base_url: str = ""
    api_key: str = field(default="", repr=False)
    model: str = ""
    timeout: float = 120.0
    fallback: str = "procedural"
    max_concurrent: int = 4
    cost_per_call: float = 0.0
    # ComfyUI: the operator's workflows (API format) with placeholders; see comfyui.py.
    workflow_file: str = ""
    inpaint_workflow_file: str = ""
    retries: int = 3

    def __post_init__(self) -> None:
        if self.provider not in PROVIDER_NAMES:
            raise EngineError(
                f"BYC_ART_PROVIDER must be one of {', '.join(PROVIDER_NAMES)}, not {self.provider!r}",
                code="art_config_invalid",
            )
        if self.fallback not in FALLBACKS:
            raise EngineError(
                f"BYC_ART_FALLBACK must be one of {', '.join(FALLBACKS)}, not {self.fallback!r}",
                code="art_config_invalid",
            )

    @property
    def external(self) -> bool:
        return self.provider != "procedural"

    def with_default_base(self, base_url: str) -> ArtConfig:
        """This config, or a copy pointed at the provider's public endpoint when no base URL is set."""
        return self if self.base_url else replace(self, base_url=base_url)


@dataclass(frozen=True)
class ArtRequest:
    """What we ask for: the prompt, what to keep out, the pixel size we need and a seed."""

    prompt: str
    negative_prompt: str
    width: int
    height: int
    seed: int


@dataclass(frozen=True)
class ArtResult:
    """What came back: encoded image bytes and what we know of how they were made."""

    image: bytes
    provider: str
    model: str
    operation: str
    seed: int | None = None  # None: the provider takes no seed (OpenAI), so the art cannot be reproduced
    revised_prompt: str = ""
    latency: float = 0.0  # seconds spent waiting on the provider, retries included
    calls: int = 1  # HTTP calls made, retries and polls included


class ArtProvider(Protocol):
    name: str
    operations: frozenset[str]
    takes_seed: bool
    takes_negative_prompt: bool
    # How its masks mark the area to repaint: "alpha" (transparent, OpenAI) or "white" (white on black).
    mask_style: str

    def generate(self, request: ArtRequest) -> ArtResult: ...

    def inpaint(self, request: ArtRequest, *, image: bytes, mask: bytes) -> ArtResult: ...

    def outpaint(
        self, request: ArtRequest, *, image: bytes, left: int, right: int, up: int, down: int
    ) -> ArtResult: ...

    def upscale(self, request: ArtRequest, *, image: bytes) -> ArtResult: ...
