"""The limits of account fields people type: read by billing.services (checks), the covers
job specs (the per-job webhook URL) and the web forms (limits and live counters)."""

from __future__ import annotations

from byc_site.fieldspec import TextSpec, UrlSpec

WEBHOOK_URL = UrlSpec("webhookUrl", 500, help="Per-job webhook; else the account's default.")
API_KEY_NAME = TextSpec("name", 100, required=True, help="Something to recognise the key by.")
