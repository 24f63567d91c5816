"""ComfyUI's HTTP API, with a workflow the operator exports ("Save (API Format)") and supplies.

    POST {base}/prompt            JSON {"prompt": <workflow graph>, "client_id": <uuid>}
                                  -> {"prompt_id", "number", "node_errors"}; 400 {"error": {...}, "node_errors": {...}}
    GET  {base}/history/{id}      {} while queued or running; then {id: {"outputs": {node: {"images":
                                  [{"filename", "subfolder", "type"}]}}, "status": {"status_str", "completed"}}}
    GET  {base}/view?filename=&subfolder=&type=   the image bytes

The workflow file (BYC_ART_COMFYUI_WORKFLOW) is the graph with placeholders in its input values:
"{{prompt}}", "{{negative_prompt}}", "{{seed}}", "{{width}}", "{{height}}". A value that is exactly a
placeholder is replaced by the value itself (a number for seed, width and height); a placeholder
inside a longer string is replaced in the text. ComfyUI has no auth; behind a proxy that wants a
bearer token, set BYC_ART_API_KEY.

An optional inpainting workflow (BYC_ART_COMFYUI_INPAINT_WORKFLOW) adds "{{image}}" and "{{mask}}":
the names of the picture and of its mask (white repaints, black keeps; e.g. for LoadImage and
LoadImageMask nodes), both uploaded first with

    POST {base}/upload/image      multipart: image (the file), type=input, overwrite=true
                                  -> {"name", "subfolder", "type"}

It serves the edits that add or remove a subject and the audiobook square (outpainting).
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

from .base import (
    GENERATE,
    INPAINT,
    OUTPAINT,
    ArtConfig,
    ArtOperationUnsupported,
    ArtProviderError,
    ArtRequest,
    ArtResult,
)
from .images import decode, multiple_size, outpaint_canvas
from .transport import Transport

DEFAULT_BASE_URL = "http://127.0.0.1:8188"
POLL_SECONDS = 0.5
PLACEHOLDERS = ("prompt", "negative_prompt", "seed", "width", "height")
SEED_MAX = 2**53


def load_workflow(
    path: str, *, setting: str = "BYC_ART_COMFYUI_WORKFLOW", needs: tuple[str, ...] = ("prompt",)
) -> dict:
    if not path:
        raise ArtProviderError(f"{setting} must name the workflow file (API format) for comfyui")
    try:
        graph = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ArtProviderError(f"the ComfyUI workflow {path} could not be read ({type(exc).__name__})") from exc
    text = json.dumps(graph)
    missing = ["{{" + name + "}}" for name in needs if "{{" + name + "}}" not in text]
    if not isinstance(graph, dict) or missing:
        raise ArtProviderError(f"the ComfyUI workflow {path} has no {', '.join(missing)} placeholder")
    return graph


def fill(value: Any, values: dict[str, Any]) -> Any:
    """The workflow with its placeholders replaced (see the module's docstring)."""
    if isinstance(value, dict):
        return {k: fill(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, values) for v in value]
    if isinstance(value, str):
        for name, replacement in values.items():
            marker = "{{" + name + "}}"
            if value == marker:
                return replacement
            value = value.replace(marker, str(replacement))
    return value


class ComfyUI:
    name = "comfyui"
    takes_seed = True
    takes_negative_prompt = True
    mask_style = "white"

    def __init__(self, config: ArtConfig, *, transport: Transport | None = None) -> None:
        self.config = config.with_default_base(DEFAULT_BASE_URL)
        self.workflow = load_workflow(config.workflow_file)
        # Optional: a second workflow that repaints the white of a mask ({{image}}, {{mask}}) for edits
        # and outpainting; without it, edits draw a new picture and the square is drawn square.
        self.inpaint_workflow = (
            load_workflow(
                config.inpaint_workflow_file, setting="BYC_ART_COMFYUI_INPAINT_WORKFLOW",
                needs=("prompt", "image", "mask"),
            )
            if config.inpaint_workflow_file
            else None
        )  # fmt: skip
        self.operations = frozenset({GENERATE, INPAINT, OUTPAINT} if self.inpaint_workflow else {GENERATE})
        self.model = config.model or Path(config.workflow_file).stem
        self.transport = transport or Transport(self.config)
        self.headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}

    def generate(self, request: ArtRequest) -> ArtResult:
        width, height = multiple_size(request.width, request.height, longest=1024)
        return self._run(self.workflow, request, GENERATE, width=width, height=height)

    def inpaint(self, request: ArtRequest, *, image: bytes, mask: bytes) -> ArtResult:
        if self.inpaint_workflow is None:
            raise ArtOperationUnsupported("comfyui: no inpainting workflow (BYC_ART_COMFYUI_INPAINT_WORKFLOW)")
        picture = decode(image, provider=self.name)
        width, height = picture.width(), picture.height()
        files = {"image": self._upload(image, "image"), "mask": self._upload(mask, "mask")}
        return self._run(self.inpaint_workflow, request, INPAINT, width=width, height=height, files=files)

    def outpaint(self, request: ArtRequest, *, image: bytes, left: int, right: int, up: int, down: int) -> ArtResult:
        if self.inpaint_workflow is None:
            raise ArtOperationUnsupported("comfyui: no inpainting workflow to outpaint with")
        padded, mask = outpaint_canvas(
            image, left=left, right=right, up=up, down=down, style="white", provider=self.name
        )
        return replace(self.inpaint(request, image=padded, mask=mask), operation=OUTPAINT)

    def upscale(self, request, *, image):
        raise ArtOperationUnsupported("comfyui: upscaling is ours (the workflows draw pictures)")

    def _upload(self, data: bytes, kind: str) -> str:
        """POST /upload/image: the file lands in ComfyUI's input folder; its name goes into the workflow."""
        name = f"byc-{kind}-{uuid.uuid4().hex[:12]}.png"
        response = self.transport.request(
            "POST", "/upload/image", files={"image": (name, data, "image/png")},
            data={"type": "input", "overwrite": "true"}, headers=self.headers,
        )  # fmt: skip
        try:
            body = response.json()
            uploaded = body["name"] if not body.get("subfolder") else f"{body['subfolder']}/{body['name']}"
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ArtProviderError(f"comfyui did not take the uploaded {kind} (HTTP {response.status_code})") from exc
        if response.status_code != 200:
            raise ArtProviderError(f"comfyui did not take the uploaded {kind} (HTTP {response.status_code})")
        return uploaded

    def _run(self, workflow: dict, request: ArtRequest, operation: str, *, width: int, height: int, files=None):
        seed = request.seed % SEED_MAX
        values = {
            "prompt": request.prompt, "negative_prompt": request.negative_prompt,
            "seed": seed, "width": width, "height": height, **(files or {}),
        }  # fmt: skip
        graph = fill(workflow, values)
        response = self.transport.request(
            "POST", "/prompt", json={"prompt": graph, "client_id": uuid.uuid4().hex}, headers=self.headers
        )
        if response.status_code != 200:
            raise ArtProviderError(f"comfyui refused the workflow (HTTP {response.status_code}): {_error(response)}")
        try:
            prompt_id = str(response.json()["prompt_id"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ArtProviderError("comfyui answered /prompt without a prompt_id") from exc
        image = self._image(self._outputs(prompt_id))
        waited, calls = self.transport.take_usage()
        return ArtResult(
            image=image, provider=self.name, model=self.model, operation=operation, seed=seed,
            latency=waited, calls=calls,
        )  # fmt: skip

    def _outputs(self, prompt_id: str) -> dict:
        deadline = time.monotonic() + self.config.timeout
        while True:
            response = self.transport.request("GET", f"/history/{prompt_id}", headers=self.headers)
            if response.status_code != 200:
                raise ArtProviderError(f"comfyui answered /history with HTTP {response.status_code}")
            try:
                entry = response.json().get(prompt_id)
            except (ValueError, AttributeError) as exc:
                raise ArtProviderError("comfyui answered /history with something other than JSON") from exc
            if entry:
                status = entry.get("status") or {}
                if status.get("status_str") == "error":
                    raise ArtProviderError("comfyui failed to run the workflow")
                outputs = entry.get("outputs") or {}
                if outputs or status.get("completed"):
                    return outputs
            if time.monotonic() > deadline:
                raise ArtProviderError(f"comfyui did not finish within {self.config.timeout:g} s")
            self.transport.sleep(POLL_SECONDS)

    def _image(self, outputs: dict) -> bytes:
        for node in outputs.values():
            for image in (node or {}).get("images") or []:
                if image.get("type", "output") != "output":
                    continue  # previews and temporary images are not the result
                params = {"filename": image["filename"], "subfolder": image.get("subfolder", ""), "type": "output"}
                response = self.transport.request("GET", "/view", params=params, headers=self.headers)
                if response.status_code != 200:
                    raise ArtProviderError(f"comfyui answered /view with HTTP {response.status_code}")
                return response.content
        raise ArtProviderError("comfyui's workflow produced no output image (is there a SaveImage node?)")


def _error(response) -> str:
    try:
        body = response.json()
    except ValueError:
        return "no detail"
    error = body.get("error") if isinstance(body, dict) else None
    return str(error.get("message") if isinstance(error, dict) else error or body)[:300]
