"""AUTOMATIC1111's Stable Diffusion web UI API (and Forge, which keeps it): run with --api.

    POST {base}/sdapi/v1/txt2img   JSON {prompt, negative_prompt, seed, width, height, steps, cfg_scale, ...}
    POST {base}/sdapi/v1/img2img   JSON {init_images: [b64], mask: b64 (white repaints), denoising_strength,
                                        inpainting_fill, inpaint_full_res, ...}
    POST {base}/sdapi/v1/extra-single-image   JSON {image: b64, upscaling_resize, upscaler_1}
    200 {"images": [b64...], "parameters": {...}, "info": "<JSON string with the seed used>"}
    (extra-single-image: {"image": b64, "html_info": ...}); 422 {"detail": [...]} on bad fields.

No auth by default; a server started with --api-auth user:password takes HTTP Basic: set
BYC_ART_API_KEY to `user:password`. BYC_ART_MODEL, when set, is the checkpoint to use
(`override_settings.sd_model_checkpoint`).
"""

from __future__ import annotations

import base64
import binascii
import json

import requests

from .base import GENERATE, INPAINT, OUTPAINT, UPSCALE, ArtConfig, ArtProviderError, ArtRequest, ArtResult
from .images import multiple_size, outpaint_canvas
from .transport import Transport

DEFAULT_BASE_URL = "http://127.0.0.1:7860"
STEPS = 30
CFG_SCALE = 7
LONGEST = 1024
UPSCALER = "R-ESRGAN 4x+"
SEED_MAX = 2**32 - 1


class Automatic1111:
    name = "automatic1111"
    takes_seed = True
    takes_negative_prompt = True
    mask_style = "white"
    operations = frozenset({GENERATE, INPAINT, OUTPAINT, UPSCALE})

    def __init__(self, config: ArtConfig, *, transport: Transport | None = None) -> None:
        self.config = config.with_default_base(DEFAULT_BASE_URL)
        self.model = config.model
        self.transport = transport or Transport(self.config)
        user, sep, password = config.api_key.partition(":")
        self.auth = (user, password) if sep else None

    def _post(self, path: str, body: dict) -> requests.Response:
        return self.transport.request("POST", path, json=body, auth=self.auth)

    def _common(self, request: ArtRequest) -> dict:
        width, height = multiple_size(request.width, request.height, longest=LONGEST)
        body = {
            "prompt": request.prompt,
            "negative_prompt": request.negative_prompt,
            "seed": request.seed % SEED_MAX,
            "width": width,
            "height": height,
            "steps": STEPS,
            "cfg_scale": CFG_SCALE,
            "batch_size": 1,
            "n_iter": 1,
            "send_images": True,
            "save_images": False,
        }
        if self.model:
            body["override_settings"] = {"sd_model_checkpoint": self.model}
        return body

    def generate(self, request: ArtRequest) -> ArtResult:
        return self._result(self._post("/sdapi/v1/txt2img", self._common(request)), GENERATE)

    def inpaint(self, request: ArtRequest, *, image: bytes, mask: bytes) -> ArtResult:
        body = {
            **self._common(request),
            "init_images": [base64.b64encode(image).decode()],
            "mask": base64.b64encode(mask).decode(),
            "denoising_strength": 0.75,
            "inpainting_fill": 1,  # start from the original pixels under the mask
            "inpaint_full_res": False,
            "mask_blur": 8,
            "resize_mode": 0,
        }
        return self._result(self._post("/sdapi/v1/img2img", body), INPAINT)

    def outpaint(self, request: ArtRequest, *, image: bytes, left: int, right: int, up: int, down: int) -> ArtResult:
        padded, mask = outpaint_canvas(
            image, left=left, right=right, up=up, down=down, style="white", provider=self.name
        )
        body = {
            **self._common(request),
            "init_images": [base64.b64encode(padded).decode()],
            "mask": base64.b64encode(mask).decode(),
            "denoising_strength": 0.9,
            "inpainting_fill": 1,
            "inpaint_full_res": False,
            "mask_blur": 16,
            "resize_mode": 0,
        }
        return self._result(self._post("/sdapi/v1/img2img", body), OUTPAINT)

    def upscale(self, request: ArtRequest, *, image: bytes) -> ArtResult:
        body = {"image": base64.b64encode(image).decode(), "upscaling_resize": 2, "upscaler_1": UPSCALER}
        return self._result(self._post("/sdapi/v1/extra-single-image", body), UPSCALE, request.seed)

    def _result(self, response: requests.Response, operation: str, seed: int | None = None) -> ArtResult:
        if response.status_code != 200:
            try:
                body = response.json()
                detail = body.get("detail") or body.get("error") or body.get("errors") or ""
            except (ValueError, AttributeError):
                detail = ""
            raise ArtProviderError(
                f"{self.name} answered HTTP {response.status_code}: {str(detail)[:300] or 'no detail'}"
            )
        try:
            body = response.json()
            encoded = body["image"] if operation == UPSCALE else body["images"][0]
            data = base64.b64decode(encoded.split(",", 1)[-1], validate=True)
            if operation != UPSCALE:
                info = body.get("info")
                info = json.loads(info) if isinstance(info, str) else (info or {})
                seed = int(info["seed"]) if isinstance(info, dict) and "seed" in info else None
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, binascii.Error) as exc:
            raise ArtProviderError(f"{self.name} answered without an image ({type(exc).__name__})") from exc
        waited, calls = self.transport.take_usage()
        return ArtResult(
            image=data, provider=self.name, model=self.model, operation=operation, seed=seed,
            latency=waited, calls=calls,
        )  # fmt: skip
