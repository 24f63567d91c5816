"""The job webhooks in the OpenAPI document: the events, their JSON body and the signature headers.

What is sent is made by `covers.representations.webhook_payload` and signed in `covers.webhooks`;
this module only describes it (listed in SPECTACULAR_SETTINGS["WEBHOOKS"]), and a test compares
the description with a real delivery.
"""

from __future__ import annotations

import copy

from drf_spectacular.utils import OpenApiResponse, OpenApiWebhook, extend_schema, inline_serializer
from rest_framework import serializers

from covers.api import JobResult, job_error_serializer
from covers.batches_api import BatchDetail
from covers.deliveries import TEST_EVENT
from covers.models import Job
from covers.webhooks import MAX_ATTEMPTS, RETRY_DELAYS, SIGNATURE_HEADER, USER_AGENT

EVENTS = {
    "job.completed": "A job finished and delivered everything it was asked for.",
    "job.failed": "A job failed; `error` says why. Credits for what it did not deliver were refunded.",
    "job.partial": "A job delivered some of its covers (in `data`); `error` says why the others failed, and "
    "their credits were refunded. Not in the BeYourCover contract.",
}
# Sent to the batch's webhookUrl (else the account's) when its last book is done.
BATCH_EVENTS = {"batch.completed": "A batch finished: every book has its covers, or failed (status partial/failed)."}
# Sent on demand from the developer page ("Send a test event"), to check the receiver and its signature check.
TEST_EVENTS = {TEST_EVENT: "A test event, sent when you ask for one; it carries no job."}

# Sent with every delivery: (name, description).
HEADERS = (
    (
        SIGNATURE_HEADER,
        "`sha256=` and the hex HMAC-SHA256 of the raw request body, keyed with your account's webhook secret "
        "(account page). Recompute it over the bytes you received, before parsing, and compare in constant time.",
    ),
    ("X-BYC-Event", f"The event: {', '.join([*EVENTS, *BATCH_EVENTS, *TEST_EVENTS])}."),
    ("X-BYC-Delivery", "The delivery's id; the same on every retry of one delivery (deduplicate with it)."),
    ("User-Agent", f"`{USER_AGENT}`."),
)

_RETRIES = ", ".join(f"{int(d.total_seconds() // 60)}" for d in RETRY_DELAYS)

DESCRIPTION = f"""POSTed as JSON to the job's `webhookUrl`, else to the account's webhook URL, when a job finishes.

**Signature.** `{SIGNATURE_HEADER}: sha256=<hex>` is the HMAC-SHA256 of the raw body with your webhook secret:

```python
import hashlib, hmac
expected = "sha256=" + hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()
valid = hmac.compare_digest(expected, request.headers["{SIGNATURE_HEADER}"])
```

**Delivery.** Answer with any 2xx within a few seconds. Anything else (or no answer) is retried after
{_RETRIES} minutes: {MAX_ATTEMPTS} attempts in all. Redirects are not followed; URLs that resolve to
private or loopback addresses are refused. The signed image URLs in `data` expire after one hour:
download them at once, or poll the job for fresh ones.
"""

WebhookEvent = inline_serializer(
    name="JobWebhookEvent",
    fields={
        "event": serializers.ChoiceField(choices=list(EVENTS)),
        "jobId": serializers.UUIDField(),
        "external_ref": serializers.CharField(allow_null=True, help_text="As given when the job was created."),
        "status": serializers.ChoiceField(choices=[Job.COMPLETED, Job.PARTIAL, Job.FAILED]),
        "operation": serializers.ChoiceField(choices=[c for c, _ in Job.OPERATION_CHOICES]),
        "timestamp": serializers.DateTimeField(help_text="When this attempt was made (UTC)."),
        "data": JobResult,
        "error": job_error_serializer(required=False, help_text="job.failed and job.partial only."),
    },
)


BatchWebhookEvent = inline_serializer(
    name="BatchWebhookEvent",
    fields={
        "event": serializers.ChoiceField(choices=list(BATCH_EVENTS)),
        "timestamp": serializers.DateTimeField(help_text="When this attempt was made (UTC)."),
        # The batch as GET /batches/:batchId gives it, but covers carry ids only (poll for signed links).
        **copy.deepcopy(type(BatchDetail)._declared_fields),
    },
)

TestWebhookEvent = inline_serializer(
    name="TestWebhookEvent",
    fields={
        "event": serializers.ChoiceField(choices=list(TEST_EVENTS)),
        "test": serializers.BooleanField(help_text="Always true."),
        "message": serializers.CharField(),
    },
)


def _webhook(event: str, summary: str, body) -> OpenApiWebhook:
    return OpenApiWebhook(
        name=event,
        decorator=extend_schema(
            summary=summary,
            description=DESCRIPTION,
            request=body,
            responses={
                200: OpenApiResponse(description="Any 2xx: delivered."),
                500: OpenApiResponse(description="Anything else, or no answer in time: retried later."),
            },
        ),
    )


JOB_COMPLETED = _webhook("job.completed", EVENTS["job.completed"], WebhookEvent)
JOB_FAILED = _webhook("job.failed", EVENTS["job.failed"], WebhookEvent)
JOB_PARTIAL = _webhook("job.partial", EVENTS["job.partial"], WebhookEvent)
BATCH_COMPLETED = _webhook("batch.completed", BATCH_EVENTS["batch.completed"], BatchWebhookEvent)
WEBHOOK_TEST = _webhook(TEST_EVENT, TEST_EVENTS[TEST_EVENT], TestWebhookEvent)


def webhook_headers_hook(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: put the signature and event headers on every webhook
    (extend_schema cannot give a webhook parameters)."""
    parameters = [
        {"in": "header", "name": name, "required": True, "schema": {"type": "string"}, "description": text}
        for name, text in HEADERS
    ]
    for operations in (result.get("webhooks") or {}).values():
        for operation in operations.values():
            operation["parameters"] = parameters
    return result
