"""Each printer's cover rules as versioned data, and the wrap geometry they give.

Every figure says where it comes from. Where a printer publishes no formula (IngramSpark's spine,
KDP's hardcover wrap, Lulu's casewrap turn-in) the figure is the best published one, named as
such, and `tests/engine/test_print_rules.py` pins it so a change is deliberate. Bump
RULES_VERSION when a figure changes: wraps and preflight reports carry it.

Units: inches throughout (the printers publish inches; the PDF is laid out in points, 72 to the inch).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..errors import EngineError

RULES_VERSION = "2026-12-02"

PRINTERS = ("kdp", "ingramspark", "lulu")
BINDINGS = ("paperback", "hardcover")
PAPERS = ("white", "cream", "color")


@dataclass(frozen=True)
class PageRange:
    low: int
    high: int


@dataclass(frozen=True)
class BindingRules:
    """One printer's rules for one binding."""

    trims: tuple[str, ...]
    # Spine per page for each paper (inches); `spine_table` replaces it where the printer uses a table.
    spine_per_page: dict[str, float]
    spine_base: float  # added to pages x per-page
    pages: dict[str, PageRange]  # per paper; `large_trim_pages` overrides for large trims
    bleed: float  # beyond the trim on the outer edges (paperback) or included in the wrap (hardcover)
    safe: float  # text at least this far inside each trim edge and each fold
    spine_text_min_pages: int
    spine_margin: float  # text at least this far inside each side of the spine
    wrap: float = 0.0  # hardcover: board turn-in on each outer edge, bleed included
    hinge: float = 0.0  # hardcover: the groove each side of the spine, no text
    spine_table: tuple[tuple[int, int, float], ...] = ()  # (first page, last page, spine)
    large_trim_pages: dict[str, PageRange] = field(default_factory=dict)


@dataclass(frozen=True)
class PrinterRules:
    key: str
    name: str
    paper_names: dict[str, str]  # our id -> the printer's own name for it
    bindings: dict[str, BindingRules]
    barcode_box: tuple[float, float]  # width, height of the area the barcode needs
    barcode_inset: float  # from the back's trim edge at the bottom and from the spine fold
    pdf_flavour: str  # "PDF/X-1a:2001" or "PDF 1.4"
    colour: str  # "CMYK" or "RGB"
    ink_limit: int | None  # total area coverage limit, percent; None when the printer states none
    min_dpi: int = 300


# --- Amazon KDP --------------------------------------------------------------------------------
# Paperback: KDP Help "Paperback cover guidelines" and the KDP cover calculator: bleed 0.125";
# spine = pages x 0.002252" (black & white or standard colour on white), 0.0025" (cream),
# 0.002347" (premium colour); text 0.125" inside the trim and 0.0625" inside each spine fold;
# spine text from 79 pages; barcode area 2" x 1.2", at least 0.25" from the spine and the trims,
# bottom right of the back. Page ranges: KDP Help "Print options": 24-828 (white, premium colour)
# and 24-776 (cream) for trims up to 6.12" x 9", 24-630 for larger trims; standard colour 72-600.
KDP_PAPERBACK_TRIMS = (
    "5x8", "5.06x7.81", "5.25x8", "5.5x8.5", "6x9", "6.14x9.21", "6.69x9.61", "7x10", "7.44x9.69",
    "7.5x9.25", "8x10", "8.25x6", "8.25x8.25", "8.5x8.5", "8.5x11", "8.27x11.69",
)  # fmt: skip
KDP = PrinterRules(
    key="kdp",
    name="Amazon KDP",
    paper_names={
        "white": "Black & white, white paper",
        "cream": "Black & white, cream paper",
        "color": "Premium colour",
    },
    bindings={
        "paperback": BindingRules(
            trims=KDP_PAPERBACK_TRIMS,
            spine_per_page={"white": 0.002252, "cream": 0.0025, "color": 0.002347},
            spine_base=0.0,
            pages={"white": PageRange(24, 828), "cream": PageRange(24, 776), "color": PageRange(24, 828)},
            large_trim_pages={"white": PageRange(24, 630), "cream": PageRange(24, 630), "color": PageRange(24, 630)},
            bleed=0.125,
            safe=0.125,
            spine_text_min_pages=79,
            spine_margin=0.0625,
        ),
        # Hardcover (case laminate): KDP publishes a template generator, not a formula. Best published
        # figures (KDP hardcover template as described by KDP-template guides): wrap 0.591" (15 mm,
        # bleed included) on each outer edge, hinge 0.375" each side of the spine, spine = pages x
        # 0.002252" + 0.06"; trims 5.5x8.5, 6x9, 6.14x9.21, 7x10, 8.25x11; 75-550 pages; text 0.25"
        # inside the board edges.
        "hardcover": BindingRules(
            trims=("5.5x8.5", "6x9", "6.14x9.21", "7x10", "8.25x11"),
            spine_per_page={"white": 0.002252, "cream": 0.0025, "color": 0.002347},
            spine_base=0.06,
            pages={"white": PageRange(75, 550), "cream": PageRange(75, 550), "color": PageRange(75, 550)},
            bleed=0.0,
            wrap=0.591,
            hinge=0.375,
            safe=0.25,
            spine_text_min_pages=79,
            spine_margin=0.0625,
        ),
    },
    barcode_box=(2.0, 1.2),
    barcode_inset=0.25,
    pdf_flavour="PDF 1.4",
    colour="RGB",  # KDP accepts RGB or CMYK and converts itself
    ink_limit=None,
)

# --- IngramSpark -------------------------------------------------------------------------------
# IngramSpark File Creation Guide (cover quick reference): PDF/X-1a:2001, CMYK, total ink at most
# 240%, images 300 ppi, fonts embedded, bleed 0.125"; help article "Manufacturing and file setup
# tips": text at least 0.25" from the trim (perfect bound) and from the board edge (case laminate).
# Spine: IngramSpark publishes no formula, only its cover template generator. Best published
# figures (template generator outputs as quoted by IngramSpark-template guides): 444 pages per
# inch on 50 lb white (0.00225"), 400 on 50 lb creme (0.0025"), 0.0022" on 70 lb colour; case
# laminate adds the boards: +0.1875" to the spine, turn-in (wrap) 0.75" bleed included, hinge 0.4".
# Barcode: 1.75" x 1" box bottom right of the back, 0.25" from spine and trim (template generator).
# Page ranges: 18-1200 (paperback), 24-1200 (case laminate) for common trims; 18-840 larger trims.
INGRAM_TRIMS = (
    "5x8", "5.06x7.81", "5.25x8", "5.5x8.5", "6x9", "6.14x9.21", "6.69x9.61", "7x10", "7.5x9.25",
    "8x10", "8.25x11", "8.5x8.5", "8.5x11",
)  # fmt: skip
INGRAM_SPINE = {"white": 1 / 444, "cream": 0.0025, "color": 0.0022}
INGRAMSPARK = PrinterRules(
    key="ingramspark",
    name="IngramSpark",
    paper_names={"white": "White 50 lb", "cream": "Creme 50 lb", "color": "Standard colour 70 lb"},
    bindings={
        "paperback": BindingRules(
            trims=INGRAM_TRIMS,
            spine_per_page=INGRAM_SPINE,
            spine_base=0.0,
            pages={"white": PageRange(18, 1200), "cream": PageRange(18, 1200), "color": PageRange(18, 840)},
            large_trim_pages={"white": PageRange(18, 840), "cream": PageRange(18, 840), "color": PageRange(18, 840)},
            bleed=0.125,
            safe=0.25,
            spine_text_min_pages=48,  # 0.125" of spine: IngramSpark's guide leaves thinner spines blank
            spine_margin=0.0625,
        ),
        "hardcover": BindingRules(
            trims=("5.5x8.5", "6x9", "6.14x9.21", "7x10", "8.25x11", "8.5x11"),
            spine_per_page=INGRAM_SPINE,
            spine_base=0.1875,
            pages={"white": PageRange(24, 1200), "cream": PageRange(24, 1200), "color": PageRange(24, 840)},
            large_trim_pages={"white": PageRange(24, 840), "cream": PageRange(24, 840), "color": PageRange(24, 840)},
            bleed=0.0,
            wrap=0.75,
            hinge=0.4,
            safe=0.25,
            spine_text_min_pages=48,
            spine_margin=0.0625,
        ),
    },
    barcode_box=(1.75, 1.0),
    barcode_inset=0.25,
    pdf_flavour="PDF/X-1a:2001",
    colour="CMYK",
    ink_limit=240,
)

# --- Lulu ----------------------------------------------------------------------------------------
# Lulu help "How is spine width calculated?": perfect bound spine = pages / 444 + 0.06"; casewrap
# uses a table of page ranges (below, same article); paperback from 32 pages, hardcover from 24,
# up to 800. Lulu Book Creation Guide: bleed 0.125", safety margin 0.5" from the trim for text;
# spine text from 80 pages ("Lulu and many of our print partners can print spine text on books with
# as few as 80 pages"). Casewrap: "A hardcover is printed 0.75" larger than your front cover trim"
# (Lulu help "Creating your hardcover casewrap cover"): 0.75" turn-in on each outer edge, no
# separate hinge in the file. Barcode: Lulu's cover templates reserve 2" x 1.2" bottom right of the back.
LULU_TRIMS = (
    "4.25x6.87", "5.5x8.5", "5.83x8.27", "6x9", "6.14x9.21", "6.63x10.25", "7x10", "7.44x9.68",
    "7.5x7.5", "8.5x8.5", "8.27x11.69", "8.5x11", "9x7", "11x8.5",
)  # fmt: skip
LULU_CASEWRAP_SPINE = (
    (24, 84, 0.25), (85, 140, 0.5), (141, 168, 0.625), (169, 194, 0.6875), (195, 222, 0.75),
    (223, 250, 0.8125), (251, 278, 0.875), (279, 306, 0.9375), (307, 334, 1.0), (335, 360, 1.0625),
    (361, 388, 1.125), (389, 416, 1.1875), (417, 444, 1.25), (445, 472, 1.3125), (473, 500, 1.375),
    (501, 528, 1.4375), (529, 556, 1.5), (557, 582, 1.5625), (583, 610, 1.625), (611, 638, 1.6875),
    (639, 666, 1.75), (667, 694, 1.8125), (695, 722, 1.875), (723, 750, 1.9375), (751, 778, 2.0),
    (779, 800, 2.0625),
)  # fmt: skip
LULU = PrinterRules(
    key="lulu",
    name="Lulu",
    paper_names={
        "white": "Standard black & white, white",
        "cream": "Standard black & white, cream",
        "color": "Premium colour",
    },
    bindings={
        "paperback": BindingRules(
            trims=LULU_TRIMS,
            spine_per_page={"white": 1 / 444, "cream": 1 / 444, "color": 1 / 444},
            spine_base=0.06,
            pages={"white": PageRange(32, 800), "cream": PageRange(32, 800), "color": PageRange(32, 800)},
            bleed=0.125,
            safe=0.5,
            spine_text_min_pages=80,
            spine_margin=0.0625,
        ),
        "hardcover": BindingRules(
            trims=("5.5x8.5", "6x9", "6.14x9.21", "6.63x10.25", "7x10", "8.5x8.5", "8.5x11", "8.27x11.69"),
            spine_per_page={},
            spine_table=LULU_CASEWRAP_SPINE,
            spine_base=0.0,
            pages={"white": PageRange(24, 800), "cream": PageRange(24, 800), "color": PageRange(24, 800)},
            bleed=0.0,
            wrap=0.75,
            safe=0.5,
            spine_text_min_pages=80,
            spine_margin=0.0625,
        ),
    },
    barcode_box=(2.0, 1.2),
    barcode_inset=0.25,
    pdf_flavour="PDF 1.4",
    colour="RGB",
    ink_limit=None,
)

RULES: dict[str, PrinterRules] = {r.key: r for r in (KDP, INGRAMSPARK, LULU)}


def parse_trim(trim: str) -> tuple[float, float]:
    try:
        width, height = (float(part) for part in trim.lower().split("x"))
    except ValueError:
        raise EngineError(f"trim size {trim!r} is not WIDTHxHEIGHT in inches", code="trim_invalid") from None
    return width, height


@dataclass(frozen=True)
class Target:
    printer: str
    binding: str
    trim: str
    pages: int
    paper: str

    @property
    def slug(self) -> str:
        binding = "" if self.binding == "paperback" else "-hardcover"
        return f"{self.printer}{binding}-{self.trim}-{self.pages}p"


@dataclass(frozen=True)
class Geometry:
    """Where everything is on the flat wrap, in inches from the top-left corner of the page."""

    target: Target
    rules: PrinterRules
    binding_rules: BindingRules
    trim_width: float
    trim_height: float
    spine: float
    outer: float  # bleed (paperback) or wrap (hardcover): page edge to trim on each outer edge
    hinge: float

    @property
    def rules_version(self) -> str:
        return RULES_VERSION

    @property
    def width(self) -> float:
        return 2 * (self.outer + self.trim_width + self.hinge) + self.spine

    @property
    def height(self) -> float:
        return self.trim_height + 2 * self.outer

    @property
    def back(self) -> tuple[float, float, float, float]:
        """The back panel at its trim (x, y, w, h)."""
        return (self.outer, self.outer, self.trim_width, self.trim_height)

    @property
    def spine_box(self) -> tuple[float, float, float, float]:
        return (self.outer + self.trim_width + self.hinge, self.outer, self.spine, self.trim_height)

    @property
    def front(self) -> tuple[float, float, float, float]:
        x = self.outer + self.trim_width + 2 * self.hinge + self.spine
        return (x, self.outer, self.trim_width, self.trim_height)

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        """The whole cover once trimmed (back, hinges, spine, front)."""
        return (self.outer, self.outer, self.width - 2 * self.outer, self.trim_height)

    @property
    def folds(self) -> tuple[float, ...]:
        """x of each fold line: the spine's edges (and the hinges' outer edges on a hardcover)."""
        sx, _y, sw, _h = self.spine_box
        xs = [sx, sx + sw]
        if self.hinge:
            xs = [sx - self.hinge, *xs, sx + sw + self.hinge]
        return tuple(xs)

    def safe(self, panel: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        x, y, w, h = panel
        s = self.binding_rules.safe
        return (x + s, y + s, w - 2 * s, h - 2 * s)

    @property
    def spine_text_allowed(self) -> bool:
        return self.target.pages >= self.binding_rules.spine_text_min_pages

    @property
    def spine_text_box(self) -> tuple[float, float, float, float]:
        x, y, w, h = self.spine_box
        m = self.binding_rules.spine_margin
        s = self.binding_rules.safe
        return (x + m, y + s, w - 2 * m, h - 2 * s)

    @property
    def barcode_box(self) -> tuple[float, float, float, float]:
        """Bottom right of the back: `barcode_inset` from the spine side and from the bottom trim."""
        bw, bh = self.rules.barcode_box
        bx, by, bwidth, bheight = self.back
        inset = max(self.rules.barcode_inset, self.binding_rules.safe)
        return (bx + bwidth - inset - bw, by + bheight - inset - bh, bw, bh)


def _page_range(binding_rules: BindingRules, paper: str, trim: tuple[float, float]) -> PageRange:
    # KDP/Ingram: trims wider than 6.12" or taller than 9" have a lower maximum.
    large = trim[0] > 6.12 or trim[1] > 9.0
    if large and paper in binding_rules.large_trim_pages:
        return binding_rules.large_trim_pages[paper]
    return binding_rules.pages[paper]


def spine_width(binding_rules: BindingRules, paper: str, pages: int) -> float:
    if binding_rules.spine_table:
        for first, last, width in binding_rules.spine_table:
            if first <= pages <= last:
                return width
        raise EngineError(f"no spine width is published for {pages} pages", code="page_count_out_of_range")
    return pages * binding_rules.spine_per_page[paper] + binding_rules.spine_base


def geometry(*, printer: str, binding: str, trim: str, pages: int, paper: str) -> Geometry:
    """The wrap for a target, or EngineError (code and the field at fault in the message) if impossible."""
    if printer not in RULES:
        raise EngineError(f"printer must be one of: {', '.join(PRINTERS)}", code="printer_invalid")
    rules = RULES[printer]
    if binding not in rules.bindings:
        raise EngineError(f"binding must be one of: {', '.join(BINDINGS)}", code="binding_invalid")
    binding_rules = rules.bindings[binding]
    if paper not in PAPERS:
        raise EngineError(f"paper must be one of: {', '.join(PAPERS)}", code="paper_invalid")
    if trim not in binding_rules.trims:
        raise EngineError(
            f"{rules.name} {binding} does not offer the trim {trim}; it offers {', '.join(binding_rules.trims)}",
            code="trim_not_offered",
        )
    size = parse_trim(trim)
    if isinstance(pages, bool) or not isinstance(pages, int):
        raise EngineError("pageCount must be a whole number", code="page_count_invalid")
    allowed = _page_range(binding_rules, paper, size)
    if not allowed.low <= pages <= allowed.high:
        raise EngineError(
            f"{rules.name} {binding} on {trim} with {paper} paper takes {allowed.low} to {allowed.high} pages, "
            f"not {pages}",
            code="page_count_out_of_range",
        )
    target = Target(printer, binding, trim, pages, paper)
    outer = binding_rules.wrap if binding == "hardcover" else binding_rules.bleed
    return Geometry(
        target=target,
        rules=rules,
        binding_rules=binding_rules,
        trim_width=size[0],
        trim_height=size[1],
        spine=round(spine_width(binding_rules, paper, pages), 4),
        outer=outer,
        hinge=binding_rules.hinge,
    )


def pixels(inches: float, dpi: float) -> int:
    return math.ceil(inches * dpi - 1e-6)


def catalogue() -> dict:
    """The rules as plain data (for forms and the API's documentation)."""
    return {
        "version": RULES_VERSION,
        "printers": {
            key: {
                "name": rules.name,
                "papers": dict(rules.paper_names),
                "bindings": {
                    name: {
                        "trims": list(b.trims),
                        "pages": {paper: [r.low, r.high] for paper, r in b.pages.items()},
                        "spineTextMinPages": b.spine_text_min_pages,
                    }
                    for name, b in rules.bindings.items()
                },
            }
            for key, rules in RULES.items()
        },
    }
