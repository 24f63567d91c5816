"""Local servers that speak the image providers' wire protocols, for tests and the overhead benchmark.

Each fake checks the incoming request as the provider's documentation describes it (endpoint, auth
header, JSON or multipart fields, value ranges) and answers in the provider's shapes, success and
errors alike. Requests that break the protocol are answered with the provider's error and listed in
`server.violations`, so a test can assert there were none. The picture returned is `artwork()`: a
gradient with a magenta disc, easy to find again on a delivered cover.

    with FakeArtServer("openai", api_key="sk-test") as server:
        server.script = ["429", "ok"]     # the next answers: rate-limited once, then an image
        ... BYC_ART_BASE_URL = server.base_url ...
        server.requests[-1]["json"]["prompt"]

Behaviours in `script` (consumed one per generation/edit request; "ok" once it is empty):
"ok", "429" (with Retry-After: 1), "500", "503", "slow" (answers after `slow_seconds`),
"malformed" (200 with a body that is not what the protocol promises), "refuse" (a safety refusal),
"quota" (OpenAI's 429 insufficient_quota).
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import http.server
import io
import json
import threading
import time
import urllib.parse
import uuid

from PIL import Image, ImageDraw

MAGENTA = (255, 0, 200)
DISC_CENTRE = (0.5, 0.6)  # shares of the picture
DISC_RADIUS = 0.2  # share of the width


def artwork(width: int, height: int) -> bytes:
    """A PNG: a blue-to-orange vertical gradient with a magenta disc, the shape tests look for."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(1, height - 1)
        draw.line([(0, y), (width, y)], fill=(round(20 + 210 * t), round(30 + 90 * t), round(90 - 50 * t)))
    cx, cy, r = DISC_CENTRE[0] * width, DISC_CENTRE[1] * height, DISC_RADIUS * width
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=MAGENTA)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _size_of(png: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(png)).size


def _multipart(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, bytes]]:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    fields, files = {}, {}
    if not message.is_multipart():
        return fields, files
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        if part.get_filename():
            files[name] = payload
            fields.setdefault("__filename__" + name, part.get_filename())
        else:
            fields[name] = payload.decode()
    return fields, files


class FakeArtServer:
    def __init__(self, protocol: str, *, api_key: str = "", slow_seconds: float = 3.0, instant: bool = False) -> None:
        self.protocol = protocol
        self.api_key = api_key
        self.slow_seconds = slow_seconds
        self.instant = instant  # answer with one cached picture per size (the benchmark: no drawing time)
        self.script: list[str] = []
        self.requests: list[dict] = []
        self.violations: list[str] = []
        self.comfy_jobs: dict[str, dict] = {}
        self.protocol_paths_missing: set[str] = set()  # endpoints this server does not have (404)
        self.comfy_uploads: dict[str, bytes] = {}
        self._cache: dict[tuple[int, int], bytes] = {}
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.root = f"http://127.0.0.1:{self.port}"
        self.base_url = self.root + "/v1" if protocol in ("openai", "openai-compatible") else self.root

    def __enter__(self) -> FakeArtServer:
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def picture(self, width: int, height: int) -> bytes:
        if not self.instant:
            return artwork(width, height)
        if (width, height) not in self._cache:
            self._cache[(width, height)] = artwork(width, height)
        return self._cache[(width, height)]

    def next_behaviour(self) -> str:
        return self.script.pop(0) if self.script else "ok"

    def generation_requests(self) -> list[dict]:
        return [r for r in self.requests if r["method"] == "POST"]

    # --- the HTTP side ----------------------------------------------------------------------

    def _handler(self):
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _read(self) -> dict:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parsed = urllib.parse.urlsplit(self.path)
                record = {
                    "method": self.command,
                    "path": parsed.path,
                    "query": dict(urllib.parse.parse_qsl(parsed.query)),
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": body,
                }
                ctype = self.headers.get("Content-Type", "")
                record["upload_name"] = ""
                if ctype.startswith("application/json"):
                    try:
                        record["json"] = json.loads(body)
                    except ValueError:
                        record["json"] = None
                elif ctype.startswith("multipart/form-data"):
                    record["fields"], record["files"] = _multipart(ctype, body)
                    record["upload_name"] = record["fields"].pop("__filename__image", "")
                    for key in [k for k in record["fields"] if k.startswith("__filename__")]:
                        record["fields"].pop(key)
                fake.requests.append(record)
                return record

            def send(self, status: int, body: bytes | dict, *, ctype: str = "application/json", headers=None) -> None:
                data = json.dumps(body).encode() if isinstance(body, dict) else body
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
                getattr(fake, f"_{fake.protocol.replace('-', '_')}")(self, self._read())

            def do_GET(self) -> None:  # noqa: N802
                getattr(fake, f"_{fake.protocol.replace('-', '_')}")(self, self._read())

        return Handler

    def _violation(self, handler, status: int, message: str, body: dict) -> None:
        self.violations.append(message)
        handler.send(status, body)

    def _common_failure(self, handler, behaviour: str, errors: dict) -> bool:
        """Answer a scripted failure in the provider's shape; False when the behaviour is a success."""
        if behaviour == "slow":
            time.sleep(self.slow_seconds)
            return False
        if behaviour in ("429", "500", "503", "refuse"):
            headers = {"Retry-After": "1"} if behaviour == "429" else {}
            status, body = errors["refuse"] if behaviour == "refuse" else (int(behaviour), errors[behaviour])
            handler.send(status, body, headers=headers)
            return True
        return False

    # --- OpenAI Images API ------------------------------------------------------------------

    def _openai(self, handler, request: dict) -> None:
        def error(message, type_, code):
            return {"error": {"message": message, "type": type_, "param": None, "code": code}}

        if self.api_key or self.protocol == "openai":
            if request["headers"].get("authorization") != f"Bearer {self.api_key}":
                return self._violation(
                    handler,
                    401,
                    "bad or missing bearer key",
                    error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
                )
        if request["path"] in self.protocol_paths_missing:
            return handler.send(404, error("Not found", "invalid_request_error", None))
        if request["path"] == "/v1/images/generations":
            body = request.get("json")
            if not isinstance(body, dict) or not isinstance(body.get("prompt"), str) or not body["prompt"]:
                return self._violation(
                    handler,
                    400,
                    "generation without a prompt",
                    error("'prompt' is required", "invalid_request_error", None),
                )
            size = body.get("size", "1024x1024")
            model = str(body.get("model") or "dall-e-2")
            if model.startswith("gpt-image"):
                if size not in ("1024x1024", "1024x1536", "1536x1024", "auto"):
                    return self._violation(
                        handler,
                        400,
                        f"size {size} for {model}",
                        error(f"Invalid size {size}", "invalid_request_error", "invalid_value"),
                    )
                if "response_format" in body:
                    return self._violation(
                        handler,
                        400,
                        "response_format sent to gpt-image",
                        error("Unknown parameter: 'response_format'.", "invalid_request_error", "unknown_parameter"),
                    )
            if body.get("n", 1) != 1:
                return self._violation(handler, 400, "n != 1", error("n must be 1", "invalid_request_error", None))
            width, height = (int(v) for v in size.split("x"))
        elif request["path"] == "/v1/images/edits":
            fields, files = request.get("fields", {}), request.get("files", {})
            if "image" not in files or not fields.get("prompt"):
                return self._violation(
                    handler,
                    400,
                    "edit without image or prompt",
                    error("'image' and 'prompt' are required", "invalid_request_error", None),
                )
            width, height = _size_of(files["image"])
            if "mask" in files:
                mask = Image.open(io.BytesIO(files["mask"]))
                if mask.size != (width, height) or "A" not in mask.getbands():
                    return self._violation(
                        handler,
                        400,
                        "mask of another size or without alpha",
                        error("Invalid mask", "invalid_request_error", "invalid_image"),
                    )
        else:
            return handler.send(404, error("Not found", "invalid_request_error", None))
        behaviour = self.next_behaviour()
        errors = {
            "429": error("Rate limit reached for images per minute.", "requests", "rate_limit_exceeded"),
            "500": error("The server had an error processing your request.", "server_error", None),
            "503": error("The engine is currently overloaded.", "server_error", None),
            "refuse": (
                400,
                error(
                    "Your request was rejected by the safety system.",
                    "image_generation_user_error",
                    "moderation_blocked",
                ),
            ),
        }
        if self._common_failure(handler, behaviour, errors):
            return None
        if behaviour == "quota":
            body = error("You exceeded your current quota.", "insufficient_quota", "insufficient_quota")
            return handler.send(429, body)
        if behaviour == "malformed":
            return handler.send(200, {"created": int(time.time()), "data": [{"b64_json": "not base64!!"}]})
        picture = self.picture(width, height)
        handler.send(200, {"created": int(time.time()), "data": [{"b64_json": base64.b64encode(picture).decode()}]})
        return None

    _openai_compatible = _openai

    # --- Stability AI v2beta ----------------------------------------------------------------

    def _stability(self, handler, request: dict) -> None:
        def error(name, *messages):
            return {"id": uuid.uuid4().hex, "name": name, "errors": list(messages)}

        if request["headers"].get("authorization") != f"Bearer {self.api_key}":
            return self._violation(handler, 401, "bad or missing bearer key", error("unauthorized", "bad API key"))
        accept = request["headers"].get("accept", "")
        if accept not in ("image/*", "application/json"):
            return self._violation(handler, 400, f"Accept {accept!r}", error("bad_request", "accept: invalid"))
        if not request["headers"].get("content-type", "").startswith("multipart/form-data"):
            return self._violation(handler, 400, "not multipart", error("bad_request", "multipart/form-data needed"))
        fields, files = request.get("fields", {}), request.get("files", {})
        path = request["path"]
        ratios = {
            "16:9": 16 / 9,
            "1:1": 1,
            "21:9": 21 / 9,
            "2:3": 2 / 3,
            "3:2": 3 / 2,
            "4:5": 0.8,
            "5:4": 1.25,
            "9:16": 9 / 16,
            "9:21": 9 / 21,
        }
        if "seed" in fields and not (fields["seed"].isdigit() and int(fields["seed"]) <= 4294967294):
            return self._violation(handler, 400, "seed out of range", error("bad_request", "seed: out of range"))
        if fields.get("output_format", "png") not in ("png", "jpeg", "webp"):
            return self._violation(handler, 400, "output_format", error("bad_request", "output_format: invalid"))
        if path.startswith("/v2beta/stable-image/generate/"):
            if not fields.get("prompt"):
                return self._violation(
                    handler, 400, "generate without prompt", error("bad_request", "prompt: required")
                )
            ratio = fields.get("aspect_ratio", "1:1")
            if ratio not in ratios:
                return self._violation(handler, 400, f"aspect_ratio {ratio}", error("bad_request", "aspect_ratio"))
            width = 1024 if ratios[ratio] <= 1 else round(1024 * ratios[ratio])
            height = round(width / ratios[ratio])
        elif path in (
            "/v2beta/stable-image/edit/inpaint",
            "/v2beta/stable-image/edit/outpaint",
            "/v2beta/stable-image/upscale/conservative",
        ):
            if "image" not in files:
                return self._violation(handler, 400, "edit without image", error("bad_request", "image: required"))
            width, height = _size_of(files["image"])
            if path.endswith("inpaint") and ("mask" not in files or not fields.get("prompt")):
                return self._violation(handler, 400, "inpaint without mask", error("bad_request", "mask: required"))
            if path.endswith("outpaint"):
                margins = {k: int(fields.get(k, "0")) for k in ("left", "right", "up", "down")}
                if not any(margins.values()) or "negative_prompt" in fields:
                    return self._violation(handler, 400, "outpaint margins", error("bad_request", "left: invalid"))
                width += margins["left"] + margins["right"]
                height += margins["up"] + margins["down"]
            if path.endswith("conservative"):
                if not fields.get("prompt"):
                    return self._violation(handler, 400, "upscale without prompt", error("bad_request", "prompt"))
                width, height = width * 2, height * 2
        else:
            return handler.send(404, error("not_found", "no such endpoint"))
        behaviour = self.next_behaviour()
        errors = {
            "429": error("rate_limit_exceeded", "You have exceeded the rate limit of 150 requests in 10 seconds"),
            "500": error("internal_error", "An unexpected server error occurred"),
            "503": error("service_unavailable", "Try again later"),
            "refuse": (403, error("content_moderation", "Your request was flagged by our content moderation system")),
        }
        if self._common_failure(handler, behaviour, errors):
            return None
        if behaviour == "malformed":
            return handler.send(200, b"<html>gateway</html>", ctype="text/html")
        seed = fields.get("seed", "0")
        picture = self.picture(width, height)
        if accept == "application/json":
            return handler.send(
                200, {"image": base64.b64encode(picture).decode(), "finish_reason": "SUCCESS", "seed": int(seed)}
            )
        handler.send(200, picture, ctype="image/png", headers={"finish-reason": "SUCCESS", "seed": seed})
        return None

    # --- ComfyUI ----------------------------------------------------------------------------

    def _comfyui(self, handler, request: dict) -> None:
        path = request["path"]
        if request["method"] == "POST" and path == "/upload/image":
            files, fields = request.get("files", {}), request.get("fields", {})
            if "image" not in files or fields.get("type", "input") != "input":
                return self._violation(handler, 400, "upload without an image", {"error": "no image"})
            name = request["upload_name"]
            self.comfy_uploads[name] = files["image"]
            return handler.send(200, {"name": name, "subfolder": "", "type": "input"})
        if request["method"] == "POST" and path == "/prompt":
            body = request.get("json") or {}
            graph = body.get("prompt")
            nodes_ok = (
                isinstance(graph, dict)
                and graph
                and all(
                    isinstance(n, dict) and "class_type" in n and isinstance(n.get("inputs"), dict)
                    for n in graph.values()
                )
            )
            if not nodes_ok:
                return self._violation(
                    handler,
                    400,
                    "not a workflow graph",
                    {
                        "error": {
                            "type": "invalid_prompt",
                            "message": "Cannot execute because a node is missing the class_type property.",
                            "details": "",
                            "extra_info": {},
                        },
                        "node_errors": {},
                    },
                )
            text = json.dumps(graph)
            if "{{" in text:
                return self._violation(
                    handler,
                    400,
                    "placeholders left in the graph",
                    {
                        "error": {
                            "type": "invalid_prompt",
                            "message": "unfilled placeholder",
                            "details": "",
                            "extra_info": {},
                        },
                        "node_errors": {},
                    },
                )
            latent = next((n["inputs"] for n in graph.values() if n["class_type"] == "EmptyLatentImage"), {})
            width, height = latent.get("width"), latent.get("height")
            loads = [
                n["inputs"].get("image") for n in graph.values() if n["class_type"] in ("LoadImage", "LoadImageMask")
            ]
            if loads:
                if any(name not in self.comfy_uploads for name in loads):
                    return self._violation(
                        handler,
                        400,
                        f"LoadImage of a file never uploaded: {loads}",
                        {
                            "error": {
                                "type": "prompt_outputs_failed_validation",
                                "message": "Invalid image file",
                                "details": "",
                                "extra_info": {},
                            },
                            "node_errors": {},
                        },
                    )
                width, height = _size_of(self.comfy_uploads[loads[0]])
            if not isinstance(width, int) or not isinstance(height, int):
                return self._violation(
                    handler,
                    400,
                    "width/height not numbers",
                    {
                        "error": {
                            "type": "invalid_prompt",
                            "message": "Failed to convert an input value to a INT value",
                            "details": "",
                            "extra_info": {},
                        },
                        "node_errors": {},
                    },
                )
            behaviour = self.next_behaviour()
            if behaviour in ("500", "503", "429"):
                return handler.send(
                    int(behaviour),
                    {"error": "server busy"},
                    headers={"Retry-After": "1"} if behaviour == "429" else None,
                )
            if behaviour == "slow":
                time.sleep(self.slow_seconds)
            prompt_id = str(uuid.uuid4())
            self.comfy_jobs[prompt_id] = {"polls": 0, "width": width, "height": height, "behaviour": behaviour}
            return handler.send(200, {"prompt_id": prompt_id, "number": len(self.comfy_jobs), "node_errors": {}})
        if request["method"] == "GET" and path.startswith("/history/"):
            prompt_id = path.rsplit("/", 1)[1]
            job = self.comfy_jobs.get(prompt_id)
            if job is None:
                return handler.send(200, {})
            job["polls"] += 1
            if job["polls"] < 2 and not self.instant:
                return handler.send(200, {})  # still queued: the client must poll again
            if job["behaviour"] == "malformed":
                return handler.send(
                    200,
                    {
                        prompt_id: {
                            "outputs": {},
                            "status": {"status_str": "success", "completed": True, "messages": []},
                        }
                    },
                )
            images = [{"filename": f"ComfyUI_{prompt_id[:8]}_.png", "subfolder": "", "type": "output"}]
            return handler.send(
                200,
                {
                    prompt_id: {
                        "prompt": [],
                        "outputs": {"9": {"images": images}},
                        "status": {"status_str": "success", "completed": True, "messages": []},
                    }
                },
            )
        if request["method"] == "GET" and path == "/view":
            query = request["query"]
            name = query.get("filename", "")
            job = next((j for pid, j in self.comfy_jobs.items() if name == f"ComfyUI_{pid[:8]}_.png"), None)
            if job is None or query.get("type") != "output":
                return self._violation(handler, 404, f"view of {name!r}", {"error": "not found"})
            return handler.send(200, self.picture(job["width"], job["height"]), ctype="image/png")
        return handler.send(404, {"error": "not found"})

    # --- AUTOMATIC1111 ----------------------------------------------------------------------

    def _automatic1111(self, handler, request: dict) -> None:
        if self.api_key:
            expected = "Basic " + base64.b64encode(self.api_key.encode()).decode()
            if request["headers"].get("authorization") != expected:
                return self._violation(handler, 401, "bad basic auth", {"detail": "Incorrect username or password"})
        body = request.get("json")
        path = request["path"]
        if not isinstance(body, dict):
            return self._violation(handler, 422, "body not JSON", {"detail": [{"loc": ["body"], "msg": "not JSON"}]})
        if path in ("/sdapi/v1/txt2img", "/sdapi/v1/img2img"):
            missing = [k for k in ("prompt",) if not isinstance(body.get(k), str)]
            if path.endswith("img2img") and not (isinstance(body.get("init_images"), list) and body["init_images"]):
                missing.append("init_images")
            if missing:
                return self._violation(
                    handler,
                    422,
                    f"missing {missing}",
                    {
                        "detail": [
                            {"loc": ["body", k], "msg": "field required", "type": "value_error.missing"}
                            for k in missing
                        ]
                    },
                )
            width, height = int(body.get("width", 512)), int(body.get("height", 512))
            if width % 8 or height % 8:
                return self._violation(handler, 422, "size not a multiple of 8", {"detail": "width/height"})
            if path.endswith("img2img"):
                init = base64.b64decode(body["init_images"][0])
                if body.get("mask") and _size_of(base64.b64decode(body["mask"])) != _size_of(init):
                    return self._violation(handler, 422, "mask size", {"detail": "mask size differs"})
        elif path == "/sdapi/v1/extra-single-image":
            if not body.get("image"):
                return self._violation(handler, 422, "no image", {"detail": "image required"})
            width, height = (
                v * int(body.get("upscaling_resize", 2)) for v in _size_of(base64.b64decode(body["image"]))
            )
        else:
            return handler.send(404, {"detail": "Not Found"})
        behaviour = self.next_behaviour()
        errors = {
            "429": {"detail": "Too Many Requests"},
            "500": {"error": "RuntimeError", "detail": "", "body": "", "errors": "CUDA out of memory"},
            "503": {"detail": "Service Unavailable"},
            "refuse": (500, {"error": "RuntimeError", "detail": "", "body": "", "errors": "refused"}),
        }
        if self._common_failure(handler, behaviour, errors):
            return None
        if behaviour == "malformed":
            return handler.send(200, {"images": [], "parameters": {}, "info": "{}"})
        picture = base64.b64encode(self.picture(width, height)).decode()
        if path.endswith("extra-single-image"):
            return handler.send(200, {"html_info": "", "image": picture})
        seed = body.get("seed", -1)
        info = json.dumps(
            {"seed": seed, "all_seeds": [seed], "width": width, "height": height, "prompt": body["prompt"]}
        )
        handler.send(200, {"images": [picture], "parameters": body, "info": info})
        return None


# A ComfyUI workflow in API format with our placeholders, as an operator would export and edit it.
COMFY_WORKFLOW = {
    "3": {"class_type": "KSampler", "inputs": {
        "seed": "{{seed}}", "steps": 20, "cfg": 7, "sampler_name": "euler", "scheduler": "normal", "denoise": 1,
        "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
    "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sdxl.safetensors"}},
    "5": {"class_type": "EmptyLatentImage", "inputs": {"width": "{{width}}", "height": "{{height}}", "batch_size": 1}},
    "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}", "clip": ["4", 1]}},
    "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{negative_prompt}}", "clip": ["4", 1]}},
    "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
    "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}},
}  # fmt: skip


# An inpainting workflow: the picture and its mask loaded from ComfyUI's input folder.
COMFY_INPAINT_WORKFLOW = {
    "1": {"class_type": "LoadImage", "inputs": {"image": "{{image}}"}},
    "2": {"class_type": "LoadImageMask", "inputs": {"image": "{{mask}}", "channel": "red"}},
    "3": {"class_type": "KSampler", "inputs": {
        "seed": "{{seed}}", "steps": 20, "cfg": 7, "sampler_name": "euler", "scheduler": "normal", "denoise": 1,
        "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
    "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sdxl-inpaint.safetensors"}},
    "5": {"class_type": "VAEEncodeForInpaint", "inputs": {"pixels": ["1", 0], "mask": ["2", 0], "vae": ["4", 2],
                                                           "grow_mask_by": 6}},
    "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}", "clip": ["4", 1]}},
    "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{negative_prompt}}", "clip": ["4", 1]}},
    "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
    "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}},
}  # fmt: skip
