"""Each store's published cover rules, as data: what the store pack makes and checks its files against.

Every figure carries the page it was read from. Where a store publishes no figure of its own that
we could find, the comment says so and names whose rule we hold the file to instead. `level`:
"required" (the store refuses the file otherwise), "recommended" (the store's advice), "house"
(our own rule for every file: an embedded sRGB profile, so colours are read as drawn).

Checked against measurements of the finished files by cover_engine.store_pack, never assumed.
"""

from __future__ import annotations

from dataclasses import dataclass

REQUIRED = "required"
RECOMMENDED = "recommended"
HOUSE = "house"

MB = 1_000_000

KDP_HELP = "https://kdp.amazon.com/en_US/help/topic/G6GTK3T3NUHKLEFX"
KDP_FORMATS = "https://alexa-anderson.com/2022/07/10/kdp-ebook-cover.html"  # KDP's criteria: TIFF or JPEG, RGB
INSCRIBE = "https://help.inscribedigital.com/support/solutions/articles/26000012882-cover-images-for-retailer-websites-and-marketing"
APPLE_STREETLIB = "https://help.streetlib.com/article/420-apple-ibooks-issues-and-solutions"
APPLE_VEARSA = "https://www.vearsa.com/apple-ebooks-file-image-requirements-3/"
PUBLISHDRIVE = "https://help.publishdrive.com/cover-image-requirements"
GOOGLE_PLAY = "https://support.google.com/books/partner/answer/3424254"
BOOKBABY = (
    "https://support.bookbaby.com/hc/en-us/articles/"
    "205518628-What-kinds-of-file-formats-and-sizes-will-you-accept-for-my-supplied-eBook-cover"
)
ACX_FAQ = "https://web.archive.org/web/20141223072959/http://www.acx.com/help/cover-art/201686780"
ACX_JPEG = "https://hmdpublishing.com/resources/audiobook-acx"
FINDAWAY = "https://tomevox.com/blog-audiobook-cover-art.html"  # its table's INaudio (formerly Findaway) row
AUTHORS_REPUBLIC = "https://beta.authorsrepublic.com/learn/blog/55/creating-your-audiobook-cover"
SRGB_HOUSE = "cover_engine/export.py"


@dataclass(frozen=True)
class Rule:
    """One rule: `kind` names what is measured (see store_pack.RULE_CHECKS), `expected` the figure."""

    kind: str
    expected: object
    source: str
    level: str = REQUIRED


@dataclass(frozen=True)
class Store:
    key: str
    name: str
    canvas: str  # the engine's format the file is rendered in: "ebook" (1:1.6) or "square"
    width: int
    height: int
    file_part: str  # in the file name: '<title>_<file_part>-<w>x<h>.jpg'
    rules: tuple[Rule, ...]

    def max_bytes(self) -> int | None:
        """The smallest file-size cap among the rules (required or advised), if any."""
        caps = [int(rule.expected) for rule in self.rules if rule.kind == "max_bytes"]
        return min(caps) if caps else None


def _house(dpi_min: int, source: str, dpi_level: str) -> tuple[Rule, ...]:
    """The rules every file shares: RGB, 24-bit, a minimum DPI (from `source`), our sRGB profile."""
    return (
        Rule("color_mode", "RGB", source),
        Rule("min_bits_per_pixel", 24, source),
        Rule("min_dpi", dpi_min, source, dpi_level),
        Rule("icc_profile", "sRGB", SRGB_HOUSE, HOUSE),
    )


EBOOK = (1600, 2560)
SQUARE = (2400, 2400)

STORES: tuple[Store, ...] = (
    Store(
        "kdp", "Amazon KDP (Kindle eBook)", "ebook", *EBOOK, "kdp-ebook",
        (
            Rule("format", ("JPEG", "TIFF"), KDP_FORMATS),
            Rule("min_width", 625, KDP_HELP),  # "minimum image size allowed is 1,000 x 625 pixels"
            Rule("min_height", 1000, KDP_HELP),
            Rule("max_long_side", 10_000, KDP_HELP),  # "maximum ... 10,000 x 10,000 pixels"
            Rule("max_bytes", 50 * MB, KDP_HELP),  # "should be 50MB or smaller"
            Rule("aspect_ratio", 1.6, KDP_HELP, RECOMMENDED),  # "ideal ... height/width ratio of 1.6:1"
            Rule("min_height", 2500, KDP_HELP, RECOMMENDED),  # "height ... should be at least 2,500 pixels"
            *_house(300, INSCRIBE, RECOMMENDED),  # 300 ppi "to ensure image clarity"
        ),
    ),
    Store(
        "apple", "Apple Books", "ebook", *EBOOK, "apple-books",
        (
            Rule("format", ("JPEG", "PNG"), PUBLISHDRIVE),
            Rule("min_short_side", 1400, APPLE_STREETLIB),  # "at least 1400 pixels on the shortest side"
            *_house(72, INSCRIBE, RECOMMENDED),
        ),
    ),
    # Kobo Writing Life publishes no pixel minimum we could find; we hold the Kobo file to the rule
    # distributors apply for every retailer's marketing cover (Inscribe Digital): >= 1400 px on the
    # shortest side, RGB JPEG, 300 ppi.
    Store(
        "kobo", "Kobo Writing Life", "ebook", *EBOOK, "kobo",
        (
            Rule("format", ("JPEG", "PNG"), PUBLISHDRIVE),
            Rule("min_short_side", 1400, INSCRIBE),
            *_house(300, INSCRIBE, RECOMMENDED),
        ),
    ),
    Store(
        "google", "Google Play Books", "ebook", *EBOOK, "google-play",
        (
            Rule("format", ("JPEG", "TIFF", "PNG"), GOOGLE_PLAY),  # ".jpeg, .tiff, .pdf and .png ... for covers"
            Rule("min_short_side", 640, GOOGLE_PLAY),  # "minimum resolution of 640 pixels"
            Rule("max_long_side", 7200, GOOGLE_PLAY),  # "maximum height and width are 7,200 pixels"
            Rule("max_bytes", 2_000 * MB, GOOGLE_PLAY),  # "less than 2 GB"
            *_house(72, INSCRIBE, RECOMMENDED),
        ),
    ),
    # B&N Press publishes no ebook cover figures we could find; BookBaby, which distributes to it,
    # asks for 1400 <= width < 3000 px, RGB, JPG or PNG, at least 72 dpi.
    Store(
        "barnes-noble", "Barnes & Noble Press", "ebook", *EBOOK, "barnes-noble",
        (
            Rule("format", ("JPEG", "PNG"), BOOKBABY),
            Rule("min_width", 1400, BOOKBABY),
            Rule("max_width_exclusive", 3000, BOOKBABY),
            *_house(72, BOOKBABY, REQUIRED),
        ),
    ),
    Store(
        "acx", "ACX / Audible", "square", *SQUARE, "acx-audible",
        (
            Rule("format", ("JPEG",), ACX_JPEG),  # "JPEG (.jpg) is the only accepted format"
            Rule("square", True, ACX_FAQ),  # "must be a true squared cover"
            Rule("min_width", 2400, ACX_FAQ),  # "no smaller than 2400 X 2400 pixels"
            Rule("min_height", 2400, ACX_FAQ),
            *_house(72, ACX_FAQ, REQUIRED),  # "can be no smaller than 72 dpi", RGB, "at least 24-bit"
        ),
    ),
    # Findaway Voices (now INaudio) pages were not in our reference material: the square 2400 x 2400
    # RGB rule is from a platform table (tomevox); the 5 MB and JPG figures from Authors Republic,
    # an audiobook distributor with the same partners, as advice.
    Store(
        "findaway", "Findaway Voices (INaudio)", "square", *SQUARE, "findaway",
        (
            Rule("format", ("JPEG",), AUTHORS_REPUBLIC),
            Rule("square", True, FINDAWAY),
            Rule("min_width", 2400, FINDAWAY),
            Rule("min_height", 2400, FINDAWAY),
            Rule("max_bytes", 5 * MB, AUTHORS_REPUBLIC, RECOMMENDED),  # "must be less than 5 MB"
            *_house(72, AUTHORS_REPUBLIC, REQUIRED),  # "72 pixels per inch (ppi) minimum"
        ),
    ),
)  # fmt: skip
