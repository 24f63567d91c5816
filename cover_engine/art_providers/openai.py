"""OpenAI's Images API (and servers that speak it: `openai-compatible`).

    POST {base}/images/generations   JSON {model, prompt, n, size[, response_format]}
    POST {base}/images/edits         multipart: image, mask, prompt, model, n, size
    Authorization: Bearer <key>      (optional for openai-compatible)
    200 {"created": ..., "data": [{"b64_json": ..., "revised_prompt": ...} | {"url": ...}]}
    4xx {"error": {"message", "type", "param", "code"}}; a safety refusal has code
        "content_policy_violation" (DALL-E) or "moderation_blocked" (gpt-image-1).

The API takes no seed and no negative prompt: what to avoid goes into the prompt, and a variation
is simply a new call.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import replace

import requests

from .base import (
    GENERATE,
    INPAINT,
    OUTPAINT,
    ArtConfig,
    ArtContentRefused,
    ArtOperationUnsupported,
    ArtProviderError,
    ArtRequest,
    ArtResult,
)
from .images import multiple_size, outpaint_canvas
from .transport import Transport

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-image-1"
REFUSAL_CODES = frozenset({"content_policy_violation", "moderation_blocked"})
# A 429 with this code means the account has no quota left: waiting does not help.
NO_QUOTA = "insufficient_quota"
# The sizes each model accepts, (width, height).
SIZES = {
    "gpt-image": ((1024, 1024), (1024, 1536), (1536, 1024)),
    "dall-e-3": ((1024, 1024), (1024, 1792), (1792, 1024)),
    "dall-e-2": ((256, 256), (512, 512), (1024, 1024)),
}


def _out_of_quota(response: requests.Response) -> bool:
    return response.status_code == 429 and error_of(response)[0] == NO_QUOTA


def error_of(response: requests.Response) -> tuple[str, str]:
    """(code, message) of an OpenAI error body; empty strings when the body is not one."""
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        return "", ""
    if not isinstance(error, dict):
        return "", str(error)
    return str(error.get("code") or error.get("type") or ""), str(error.get("message") or "")


class OpenAIImages:
    takes_seed = False
    takes_negative_prompt = False
    mask_style = "alpha"
    operations = frozenset({GENERATE, INPAINT, OUTPAINT})

    def __init__(self, config: ArtConfig, *, transport: Transport | None = None) -> None:
        self.name = config.provider
        self.compatible = config.provider == "openai-compatible"
        if self.compatible and not config.base_url:
            raise ArtProviderError("BYC_ART_BASE_URL is needed for an openai-compatible provider")
        if not self.compatible and not config.api_key:
            raise ArtProviderError("BYC_ART_API_KEY is needed for the openai provider")
        self.config = config.with_default_base(DEFAULT_BASE_URL)
        self.model = config.model or DEFAULT_MODEL
        self.transport = transport or Transport(self.config)

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.config.api_key}"} if self.config.api_key else {}

    def size_for(self, width: int, height: int) -> str:
        family = next((k for k in SIZES if self.model.startswith(k)), None)
        if family is None:
            # A self-hosted server takes any size; Stable Diffusion models want multiples of 64.
            w, h = multiple_size(width, height, longest=1024)
            return f"{w}x{h}"
        ratio = width / height
        w, h = min(SIZES[family], key=lambda s: abs(s[0] / s[1] - ratio))
        return f"{w}x{h}"

    def generate(self, request: ArtRequest) -> ArtResult:
        body: dict = {
            "model": self.model,
            "prompt": request.prompt,
            "n": 1,
            "size": self.size_for(request.width, request.height),
        }
        if not self.model.startswith("gpt-image"):
            body["response_format"] = "b64_json"  # gpt-image models always answer base64 and reject the field
        response = self.transport.request(
            "POST", "/images/generations", json=body, headers=self._headers(), final=_out_of_quota
        )
        return self._result(response, GENERATE)

    def inpaint(self, request: ArtRequest, *, image: bytes, mask: bytes) -> ArtResult:
        fields = {
            "prompt": request.prompt,
            "model": self.model,
            "n": "1",
            "size": self.size_for(request.width, request.height),
        }
        if not self.model.startswith("gpt-image"):
            fields["response_format"] = "b64_json"
        files = {"image": ("image.png", image, "image/png"), "mask": ("mask.png", mask, "image/png")}
        response = self.transport.request(
            "POST", "/images/edits", data=fields, files=files, headers=self._headers(), final=_out_of_quota
        )
        if response.status_code in (404, 405, 501):
            # Many OpenAI-compatible servers generate but do not edit.
            raise ArtOperationUnsupported(f"{self.name} has no /images/edits (HTTP {response.status_code})")
        return self._result(response, INPAINT)

    def outpaint(self, request: ArtRequest, *, image: bytes, left: int, right: int, up: int, down: int) -> ArtResult:
        """Outpainting through /images/edits: the picture on the larger canvas, its new margins
        transparent in the mask (the documented way to extend an image with the Images API)."""
        padded, mask = outpaint_canvas(
            image, left=left, right=right, up=up, down=down, style="alpha", provider=self.name
        )
        result = self.inpaint(request, image=padded, mask=mask)
        return replace(result, operation=OUTPAINT)

    def upscale(self, request, *, image):
        raise ArtOperationUnsupported(f"{self.name} has no upscaler")

    def _result(self, response: requests.Response, operation: str) -> ArtResult:
        if response.status_code != 200:
            code, message = error_of(response)
            if code in REFUSAL_CODES:
                raise ArtContentRefused(f"{self.name} refused the picture: {message or code}")
            if response.status_code in (401, 403):
                raise ArtProviderError(f"{self.name} refused our API key (HTTP {response.status_code})")
            if code == NO_QUOTA:
                raise ArtProviderError(f"{self.name} says the account has no quota left: {message}")
            raise ArtProviderError(
                f"{self.name} answered HTTP {response.status_code}: {message or code or 'no detail'}"
            )
        try:
            item = response.json()["data"][0]
            if item.get("b64_json"):
                data = base64.b64decode(item["b64_json"], validate=True)
            elif item.get("url"):
                data = self.transport.session.get(item["url"], timeout=self.config.timeout).content
            else:
                raise KeyError("b64_json")
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, binascii.Error) as exc:
            raise ArtProviderError(f"{self.name} answered without an image ({type(exc).__name__})") from exc
        except requests.RequestException as exc:
            raise ArtProviderError(f"{self.name}'s image URL could not be fetched") from exc
        waited, calls = self.transport.take_usage()
        return ArtResult(
            image=data, provider=self.name, model=self.model, operation=operation, seed=None,
            revised_prompt=str(item.get("revised_prompt") or ""), latency=waited, calls=calls,
        )  # fmt: skip
