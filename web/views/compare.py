"""Author web app: compare and choose. The shelf preview, side-by-side comparison, the chosen cover
and A/B sets. Every write goes through covers.services.compare (the API's functions too)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from byc_site.errors import ApplicationError
from covers import selectors
from covers.api_compare import ab_set_zip_response
from covers.models import ABSet
from covers.services import compare
from web.views.account import author_account, author_book, render_author_page
from web.views.covers import THUMB_LARGE, THUMB_SMALL, cover_thumbs, image_url, template_gallery


@dataclass(frozen=True)
class ShelfSize:
    key: str
    label: str
    width: int  # CSS pixels
    neighbours: int  # other books beside the candidate: as many as a laptop's row holds at this width
    why: str


# The widths a store gives a cover, in CSS pixels (about; stores change their layouts):
# - search: desktop search-result lists (Amazon, Kobo, Apple Books on the web) give each result's
#   cover roughly 100 px beside its title and price; here the title has to survive as a shape.
# - phone: a store app on a 360-390 px wide phone shows covers two to a row with margins, i.e.
#   about 160 px each (and smaller still in "more like this" carousels).
# - product: a desktop product page's main image is about 300 px wide, the largest a buyer sees
#   before deciding; the subtitle and author should read there.
SHELF_SIZES = (
    ShelfSize(
        "search", "Search results", 100, 5, "About 100 px wide, beside the title and price in a list of results."
    ),
    ShelfSize("phone", "Phone", 160, 4, "About 160 px wide, two covers to a row in a store app on a phone."),
    ShelfSize("product", "Product page", 300, 2, "About 300 px wide, the main image of a product page on a computer."),
)
CANDIDATE_POSITION = 1  # second on the shelf: a neighbour on each side, as in a real row
COMPARE_MAX = 4


def _shelf_size(key: str | None) -> ShelfSize:
    return next((s for s in SHELF_SIZES if s.key == key), SHELF_SIZES[0])


def _gallery_by_family(book) -> list[dict]:
    """The genre's gallery templates, one of each family before a second of any: each family's
    preview shows its own sample book, so the shelf does not repeat one title."""
    suited, _others = template_gallery(book.genre)
    rounds: dict[str, list[dict]] = {}
    for entry in suited:
        rounds.setdefault(entry["template"].family, []).append(entry)
    ordered = []
    while any(rounds.values()):
        for entries in rounds.values():
            if entries:
                ordered.append(entries.pop(0))
    return ordered


def _neighbours(account, book, size: ShelfSize) -> list[dict]:
    """What stands beside the candidate: the account's other books of the genre, then the genre's
    template previews (the gallery's images) when the library has too few."""
    width = THUMB_LARGE if size.width > THUMB_SMALL / 2 else THUMB_SMALL  # sharp on 2x screens
    shelf = [
        {"url": image_url(c.id, "preview", width), "label": f"{c.book.title} (your library)", "library": True}
        for c in selectors.shelf_neighbours(account=account, book=book, limit=size.neighbours)
    ]
    for entry in _gallery_by_family(book)[: size.neighbours - len(shelf)]:
        shelf.append({"url": entry["preview_url"], "label": f"{entry['template'].name} (template gallery)"})
    return shelf


def _with_candidate(neighbours: list[dict], candidate: dict) -> list[dict]:
    row = list(neighbours)
    row.insert(min(CANDIDATE_POSITION, len(row)), {**candidate, "candidate": True})
    return row


@login_required
def book_compare(request: HttpRequest, book_id) -> HttpResponse:
    """Some covers of a book (?cover=...&cover=..., one to four) side by side and on a shelf."""
    account = author_account(request)
    book = author_book(account, book_id)
    covers = selectors.covers_for_compare(book=book, cover_ids=request.GET.getlist("cover"))
    if len(covers) > COMPARE_MAX:
        messages.info(
            request, f"Up to {COMPARE_MAX} covers side by side: these are the first {COMPARE_MAX} you ticked."
        )
        covers = covers[:COMPARE_MAX]
    if not covers:
        messages.info(request, "Tick two to four covers to compare them (or one to see it on the shelf).")
        return redirect("book_detail", book_id=book.id)
    size = _shelf_size(request.GET.get("size"))
    letters = "ABCD"
    large = {t["cover"].id: t["url"] for t in cover_thumbs(covers, width=THUMB_LARGE)}
    width = THUMB_LARGE if size.width > THUMB_SMALL / 2 else THUMB_SMALL
    neighbours = _neighbours(account, book, size)
    candidates = []
    for letter, thumb in zip(letters, cover_thumbs(covers, width=width), strict=False):
        cover = thumb["cover"]
        candidates.append(
            {
                "letter": letter,
                "cover": cover,
                "large_url": large[cover.id],
                "shelf": _with_candidate(neighbours, {"url": thumb["url"], "label": f"Cover {letter}"}),
            }
        )
    query = "&".join(f"cover={c.id}" for c in covers)
    context = {
        "book": book,
        "candidates": candidates,
        "sizes": [{"size": s, "url": f"?{query}&size={s.key}#shelf", "current": s == size} for s in SHELF_SIZES],
        "size": size,
        "query": query,
        "from_library": sum(1 for n in neighbours if n.get("library")),
        "from_gallery": sum(1 for n in neighbours if not n.get("library")),
        "can_make_set": ABSet.MIN_COVERS <= len(covers) <= len(ABSet.VARIANTS),
        "ab_sets": selectors.ab_sets_of_book(book=book),
    }
    return render_author_page(request, "web/covers/compare.html", context, account=account)


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@login_required
@require_POST
def cover_choose(request: HttpRequest, cover_id) -> HttpResponse:
    account = author_account(request)
    try:
        cover = compare.cover_choose(account=account, cover_id=cover_id)
    except ApplicationError:
        raise Http404("Cover not found.") from None
    messages.success(request, f"This cover is now the chosen one for “{cover.book.title}”.")
    return redirect(_next_url(request, reverse("book_detail", kwargs={"book_id": cover.book_id})))


@login_required
@require_POST
def ab_set_create(request: HttpRequest, book_id) -> HttpResponse:
    account = author_account(request)
    book = author_book(account, book_id)
    try:
        ab_set = compare.ab_set_create(
            account=account, book_id=book.id, cover_ids=request.POST.getlist("cover"), name=request.POST.get("name", "")
        )
    except ApplicationError as error:
        if error.status == 404:
            raise Http404(error.message) from None
        messages.error(request, error.message)
        return redirect(reverse("book_detail", kwargs={"book_id": book.id}))
    messages.success(request, "A/B set made. Export it, run the test in your store, then record the winner here.")
    return redirect("ab_set_detail", ab_set_id=ab_set.id)


def _ab_set_for_author(account, ab_set_id) -> ABSet:
    try:
        return selectors.ab_set_get_for_account(account=account, ab_set_id=ab_set_id)
    except ApplicationError:
        raise Http404("A/B set not found.") from None


@login_required
def ab_set_detail(request: HttpRequest, ab_set_id) -> HttpResponse:
    account = author_account(request)
    ab_set = _ab_set_for_author(account, ab_set_id)
    members = list(ab_set.members.all())
    thumbs = cover_thumbs([m.cover for m in members], width=THUMB_LARGE)
    variants = [
        {
            "member": m,
            "url": t["url"],
            "file": compare.ab_set_file_name(ab_set, m),
            "won": m.cover_id == ab_set.winner_id,
        }
        for m, t in zip(members, thumbs, strict=True)
    ]
    context = {
        "ab_set": ab_set,
        "book": ab_set.book,
        "variants": variants,
        "compare_query": "&".join(f"cover={m.cover_id}" for m in members),
        "tracking_columns": compare.TRACKING_COLUMNS,
    }
    return render_author_page(request, "web/covers/ab_set.html", context, account=account)


@login_required
def ab_set_export(request: HttpRequest, ab_set_id) -> HttpResponse:
    account = author_account(request)
    return ab_set_zip_response(_ab_set_for_author(account, ab_set_id))


@login_required
@require_POST
def ab_set_winner(request: HttpRequest, ab_set_id) -> HttpResponse:
    account = author_account(request)
    ab_set = _ab_set_for_author(account, ab_set_id)
    try:
        compare.ab_set_record_winner(
            account=account,
            ab_set_id=ab_set.id,
            cover_id=request.POST.get("cover", ""),
            note=request.POST.get("note", ""),
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Winner recorded.")
    return redirect("ab_set_detail", ab_set_id=ab_set.id)
