"""Cover jobs: accepting them (credits, concurrency, validation), running them, failing them, sweeping.

Every rule about jobs lives here; the API views, the web app and the admin call these functions
as `covers.services.<name>`. Reads (an account's covers and jobs, 404 for anyone else's) are in
`covers.selectors`; request fields and credit costs in `covers.specs`.

- `templates`: mirroring the engine's template catalogue into rows; template previews.
- `accept`: `job_create_generate/variation/edit/upscale/audiobook/store_pack`, `job_retry`. Accepting a job is
  ONE transaction: lock the account row, check the plan's concurrency limit, spend the credits and
  insert the job; the task is enqueued only once that has committed.
- `run`: each queue task claims one unit (a cover) of the account served least recently (fair
  across accounts), with a conditional UPDATE so a unit is claimed once; the first claim starts the
  job, the last unit to report closes it: completed, partial (some covers delivered, the rest
  refunded) or failed (all refunded). `jobs_sweep` refunds units whose worker died (per-unit
  deadline) and re-enqueues work the broker lost. `queue_estimate` says how long a job will wait.
- `orphans`: deleting stored images that no asset row names (renders that crashed mid-way).
- `batches`: catalogues checked row by row, started when the account can pay for every row, fed
  to the job queue as the plan's concurrency allows; `batch.completed` when the last row is done.
- `queue`: handing work tokens and ids to the django-q2 workers; a broker outage never fails a request.
- `store_pack`: the zip of each store's cover file and its manifest; `exports`: an asset's JPEG.
- `deletion`: soft-deleting covers, staff restores, and the purge of what was deleted 30 days ago.
- `art`: the picture from an image model (BYC_ART_PROVIDER), its fallback and its usage records.
"""

from covers.services.accept import (
    UPSCALE_TARGETS,
    job_create_audiobook,
    job_create_edit,
    job_create_generate,
    job_create_print_wrap,
    job_create_rerender,
    job_create_store_pack,
    job_create_upscale,
    job_create_variation,
    job_retry,
    print_target_check,
)
from covers.services.art import account_art_provider_set, art_config_for
from covers.services.batches import (
    MAX_BOOKS,
    CatalogueReport,
    CatalogueRow,
    batch_close_if_done,
    batch_create,
    batch_draft_create,
    batch_feed,
    batch_job_finished,
    batch_start,
    batches_feed,
    catalogue_books_import,
    catalogue_check,
    catalogue_parse,
)
from covers.services.deletion import PurgeReport, cover_delete, cover_restore, deleted_purge
from covers.services.orphans import orphan_files_delete
from covers.services.preflight import preflight_check
from covers.services.queue import job_enqueue, webhook_enqueue
from covers.services.run import (
    ASSET_RENDERING,
    SweepReport,
    job_fail,
    job_refund,
    job_run,
    job_unit_failed,
    job_unit_run,
    job_work,
    jobs_sweep,
    unit_next_run,
)
from covers.services.templates import template_preview_png, template_row, template_sync, templates_set_enabled

__all__ = [
    "account_art_provider_set",
    "art_config_for",
    "ASSET_RENDERING",
    "MAX_BOOKS",
    "CatalogueReport",
    "CatalogueRow",
    "batch_close_if_done",
    "batch_create",
    "batch_draft_create",
    "batch_feed",
    "batch_job_finished",
    "batch_start",
    "batches_feed",
    "catalogue_books_import",
    "catalogue_check",
    "catalogue_parse",
    "UPSCALE_TARGETS",
    "PurgeReport",
    "SweepReport",
    "cover_delete",
    "cover_restore",
    "deleted_purge",
    "job_create_audiobook",
    "job_create_edit",
    "job_create_generate",
    "job_create_store_pack",
    "job_create_rerender",
    "job_create_print_wrap",
    "job_create_upscale",
    "job_create_variation",
    "job_enqueue",
    "preflight_check",
    "print_target_check",
    "job_fail",
    "job_refund",
    "job_retry",
    "job_run",
    "job_unit_failed",
    "job_unit_run",
    "job_work",
    "orphan_files_delete",
    "jobs_sweep",
    "template_preview_png",
    "template_row",
    "template_sync",
    "templates_set_enabled",
    "unit_next_run",
    "webhook_enqueue",
]
