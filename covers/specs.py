"""The fields of each cover-job request and what each operation costs in credits.

Read by `covers.services` (checks and charges), `covers.api` (OpenAPI), the web wizard's forms
(limits, count choices) and its pages (live counters, the prices on the buttons).
"""

from __future__ import annotations

from billing.specs import WEBHOOK_URL
from byc_site.fieldspec import ChoiceSpec, CountSpec, RequestSpec, TextSpec, UuidSpec
from cover_engine import vocabulary
from cover_engine.print import printers as print_rules
from covers.models import ASSET_AUDIOBOOK_PREVIEW, ASSET_PREVIEW, Job

# Credits per unit an operation makes: a cover for generate and variation (times `count`), the
# one new cover or asset otherwise. Charged when the job is accepted, refunded for what fails.
CREDITS_PER_UNIT: dict[str, int] = {
    Job.OP_GENERATE: 1,
    Job.OP_VARIATION: 1,
    Job.OP_EDIT: 1,
    Job.OP_UPSCALE: 1,
    Job.OP_AUDIOBOOK: 1,
    # The pack renders the cover again at full size in both canvases (the square one is the
    # audiobook re-layout, itself 1 credit): it costs what the audiobook cover costs, 1 credit.
    Job.OP_STORE_PACK: 1,
    Job.OP_RERENDER: 1,
    Job.OP_PRINT_WRAP: 1,
}


def credits_for(operation: str, count: int = 1) -> int:
    """What a job of `operation` making `count` units costs."""
    return CREDITS_PER_UNIT[operation] * count


def credit_words(operation: str, count: int = 1) -> str:
    """'1 credit', '3 credits': the price as the pages and the schema say it."""
    cost = credits_for(operation, count)
    return f"{cost} credit" + ("" if cost == 1 else "s")


COUNT = CountSpec("count", 1, 5, 1, help="Covers to make, 1 to 5; each costs one credit.")
EXTERNAL_REF = TextSpec("external_ref", 200, help="Your own id, echoed back in the job and its webhooks.")
MAIN_ELEMENTS = TextSpec("mainElements", 1000, multiline=True, help="What to show, in your own words.")
PROMPT = TextSpec("prompt", 1000, required=True, help="The change to make, e.g. 'make the sky more dramatic'.")
SOURCE_ASSET = ChoiceSpec("sourceAsset", (ASSET_PREVIEW, ASSET_AUDIOBOOK_PREVIEW), required=True)

GENERATE = RequestSpec(
    "GenerateRequest",
    (
        UuidSpec("bookId"),
        COUNT,
        TextSpec("templateId", help="A template id from GET /templates; else chosen for the genre."),
        MAIN_ELEMENTS,
        ChoiceSpec("mood", tuple(vocabulary.MOODS)),
        ChoiceSpec("colorPalette", tuple(vocabulary.COLOR_PALETTES)),
        EXTERNAL_REF,
        WEBHOOK_URL,
    ),
)
VARIATIONS = RequestSpec("VariationsRequest", (COUNT, EXTERNAL_REF, WEBHOOK_URL))
EDIT = RequestSpec("EditRequest", (PROMPT, EXTERNAL_REF, WEBHOOK_URL))
UPSCALE = RequestSpec("UpscaleRequest", (SOURCE_ASSET, EXTERNAL_REF, WEBHOOK_URL))
AUDIOBOOK = RequestSpec("AudiobookRequest", (EXTERNAL_REF, WEBHOOK_URL))
STORE_PACK = RequestSpec("StorePackRequest", (EXTERNAL_REF, WEBHOOK_URL))
RERENDER = RequestSpec("RerenderRequest", (EXTERNAL_REF, WEBHOOK_URL))

# An A/B set: two to four covers of one book, tested against each other in the publisher's store.
AB_SET_NAME = TextSpec("name", 100, help="Something to recognise the test by, e.g. 'Spring launch'.")
AB_SET_WINNER_NOTE = TextSpec("note", 300, help="What decided it, e.g. '4.1% vs 2.7% click-through over 2 weeks'.")

# Print wrap (and preflight's target): the printers' own limits live in cover_engine/print/printers.py.
_ALL_TRIMS = tuple(
    sorted(
        {t for r in print_rules.RULES.values() for b in r.bindings.values() for t in b.trims},
        key=print_rules.parse_trim,
    )
)
PRINTER = ChoiceSpec("printer", print_rules.PRINTERS, required=True, help="kdp, ingramspark or lulu.")
BINDING = ChoiceSpec("binding", print_rules.BINDINGS, required=True)
TRIM_SIZE = ChoiceSpec("trimSize", _ALL_TRIMS, required=True, help='Inches, e.g. "6x9"; each printer offers its own.')
PAGE_COUNT = CountSpec("pageCount", 1, 1200, 200, help="Interior pages; each printer, trim and paper has its range.")
PAPER = ChoiceSpec(
    "paper", print_rules.PAPERS, required=True, help="white, cream or color (the printer's colour stock)."
)
ISBN = TextSpec(
    "isbn", 17, help="ISBN-10 or ISBN-13, hyphens allowed; checked. Without it the barcode box is left empty."
)
PRICE = TextSpec("price", 5, help='The 5-digit EAN add-on, e.g. "51299" ($12.99) or "90000" (no price).')
BACK_TEXT = TextSpec("backText", 2000, multiline=True, help="The back cover's text; defaults to the book's summary.")
AUTHOR_BIO = TextSpec("authorBio", 600, multiline=True, help="A short author biography under the back text.")
PRINT_TARGET_FIELDS = (PRINTER, BINDING, TRIM_SIZE, PAGE_COUNT, PAPER)
PRINT_WRAP = RequestSpec(
    "PrintWrapRequest", (*PRINT_TARGET_FIELDS, ISBN, PRICE, BACK_TEXT, AUTHOR_BIO, EXTERNAL_REF, WEBHOOK_URL)
)
PREFLIGHT = RequestSpec(
    "PreflightRequest",
    (UuidSpec("coverId", required=False, help="Check this cover's print wrap (JSON)."), *PRINT_TARGET_FIELDS, ISBN),
)
