"""Stability AI's REST API v2beta (Stable Image).

    POST {base}/v2beta/stable-image/generate/{core|ultra|sd3}   text to image
    POST {base}/v2beta/stable-image/edit/inpaint                image, mask (white repaints)
    POST {base}/v2beta/stable-image/edit/outpaint               image, left/right/up/down in pixels
    POST {base}/v2beta/stable-image/upscale/conservative        image, prompt
    multipart/form-data; Authorization: Bearer <key>; Accept: image/* answers the image bytes with
    headers `seed` and `finish-reason` (SUCCESS | CONTENT_FILTERED).
    Errors: JSON {"id", "name", "errors": [...]}; a moderation refusal is 403 with name
    "content_moderation"; 429 rate limit (retried by the transport).

BYC_ART_MODEL picks the generation service: `core` (default), `ultra`, or an `sd3*` model name
(sent as the `model` field of /generate/sd3).
"""

from __future__ import annotations

import requests

from .base import (
    GENERATE,
    INPAINT,
    OUTPAINT,
    UPSCALE,
    ArtConfig,
    ArtContentRefused,
    ArtProviderError,
    ArtRequest,
    ArtResult,
)
from .images import nearest_ratio
from .transport import Transport

DEFAULT_BASE_URL = "https://api.stability.ai"
ASPECT_RATIOS = ("16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21")
SEED_MAX = 4294967294


class StabilityImages:
    name = "stability"
    takes_seed = True
    takes_negative_prompt = True
    mask_style = "white"
    operations = frozenset({GENERATE, INPAINT, OUTPAINT, UPSCALE})

    def __init__(self, config: ArtConfig, *, transport: Transport | None = None) -> None:
        if not config.api_key:
            raise ArtProviderError("BYC_ART_API_KEY is needed for the stability provider")
        self.config = config.with_default_base(DEFAULT_BASE_URL)
        self.model = config.model or "core"
        self.transport = transport or Transport(self.config)

    def _post(self, path: str, fields: dict, files: dict | None = None) -> requests.Response:
        # Every field goes as a multipart part (the API takes nothing else, even without a file).
        parts = {k: (None, str(v)) for k, v in fields.items()}
        parts.update(files or {})
        headers = {"Authorization": f"Bearer {self.config.api_key}", "Accept": "image/*"}
        return self.transport.request("POST", path, files=parts, headers=headers)

    def _common(self, request: ArtRequest) -> dict:
        return {
            "prompt": request.prompt,
            "negative_prompt": request.negative_prompt,
            "seed": request.seed % SEED_MAX,
            "output_format": "png",
        }

    def generate(self, request: ArtRequest) -> ArtResult:
        fields = {**self._common(request), "aspect_ratio": nearest_ratio(request.width, request.height, ASPECT_RATIOS)}
        if self.model.startswith("sd3"):
            path = "/v2beta/stable-image/generate/sd3"
            fields["model"] = self.model
        else:
            path = f"/v2beta/stable-image/generate/{self.model}"
        return self._result(self._post(path, fields), GENERATE)

    def inpaint(self, request: ArtRequest, *, image: bytes, mask: bytes) -> ArtResult:
        files = {"image": ("image.png", image, "image/png"), "mask": ("mask.png", mask, "image/png")}
        return self._result(self._post("/v2beta/stable-image/edit/inpaint", self._common(request), files), INPAINT)

    def outpaint(self, request: ArtRequest, *, image: bytes, left: int, right: int, up: int, down: int) -> ArtResult:
        fields = {**self._common(request), "left": left, "right": right, "up": up, "down": down}
        fields.pop("negative_prompt")  # outpaint takes none
        files = {"image": ("image.png", image, "image/png")}
        return self._result(self._post("/v2beta/stable-image/edit/outpaint", fields, files), OUTPAINT)

    def upscale(self, request: ArtRequest, *, image: bytes) -> ArtResult:
        files = {"image": ("image.png", image, "image/png")}
        return self._result(
            self._post("/v2beta/stable-image/upscale/conservative", self._common(request), files), UPSCALE
        )

    def _result(self, response: requests.Response, operation: str) -> ArtResult:
        if response.status_code != 200:
            try:
                body = response.json()
                name, errors = str(body.get("name") or ""), "; ".join(str(e) for e in body.get("errors") or [])
            except (ValueError, AttributeError):
                name, errors = "", ""
            if name == "content_moderation" or (response.status_code == 403 and "moderat" in errors.lower()):
                raise ArtContentRefused(f"stability refused the picture: {errors or name}")
            if response.status_code == 401:
                raise ArtProviderError("stability refused our API key (HTTP 401)")
            raise ArtProviderError(f"stability answered HTTP {response.status_code}: {errors or name or 'no detail'}")
        if response.headers.get("finish-reason", "SUCCESS").upper() == "CONTENT_FILTERED":
            raise ArtContentRefused("stability filtered the picture it drew (finish-reason CONTENT_FILTERED)")
        if not response.headers.get("Content-Type", "").startswith("image/"):
            raise ArtProviderError("stability answered without an image")
        seed = response.headers.get("seed")
        waited, calls = self.transport.take_usage()
        return ArtResult(
            image=response.content, provider=self.name, model=self.model, operation=operation,
            seed=int(seed) if seed and seed.isdigit() else None, latency=waited, calls=calls,
        )  # fmt: skip
