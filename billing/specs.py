"""The limits of account fields people type: read by billing.services (checks), the covers
job specs (the per-job webhook URL) and the web forms (limits and live counters)."""

from __future__ import annotations

from byc_site.fieldspec import CountSpec, TextSpec, UrlSpec

WEBHOOK_URL = UrlSpec("webhookUrl", 500, help="Per-job webhook; else the account's default.")
API_KEY_NAME = TextSpec("name", 100, required=True, help="Something to recognise the key by.")
CREDIT_REQUEST_AMOUNT = CountSpec("amount", 1, 10_000, 50, help="Credits to ask the service's staff for.")
CREDIT_REQUEST_MESSAGE = TextSpec("message", 1000, multiline=True, help="What the credits are for (optional).")
