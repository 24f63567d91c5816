"""Compare and choose in the web app: the shelf preview at store sizes, side by side, the chosen
cover (book page, cover page, library) and A/B sets (make, export with a manifest, record the winner)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile

import pytest

from covers.models import ABSet, Cover
from covers.services import compare

pytestmark = pytest.mark.django_db


@pytest.fixture
def book_with_covers(author, make_book, make_cover):
    """A book of the author's with three covers (real renders)."""
    book = make_book(account=author, title="The Last Witness", genre="mystery", summary="A lighthouse keeper lies.")
    covers = [make_cover(account=author, book=book) for _ in range(3)]
    return book, covers


def _compare_url(book, covers, size: str = "") -> str:
    query = "&".join(f"cover={c.id}" for c in covers)
    return f"/books/{book.id}/compare/?{query}" + (f"&size={size}" if size else "")


def test_the_book_page_offers_to_compare_ticked_covers(client, book_with_covers):
    book, covers = book_with_covers
    page = client.get(f"/books/{book.id}/").content.decode()
    assert f'action="/books/{book.id}/compare/"' in page
    for cover in covers:
        assert f'name="cover" value="{cover.id}"' in page


def test_it_compares_covers_side_by_side_with_a_choose_button_each(client, book_with_covers):
    book, covers = book_with_covers
    page = client.get(_compare_url(book, covers)).content.decode()
    assert page.count('data-testid="compare-item"') == 3
    for letter, cover in zip("ABC", covers, strict=True):
        assert f'aria-label="Choose cover {letter}"' in page
        assert f'action="/covers/{cover.id}/choose/"' in page
    assert page.count('data-testid="shelf-row"') == 3


@pytest.mark.parametrize(("size", "width"), [("search", 100), ("phone", 160), ("product", 300)])
def test_the_shelf_shows_the_cover_at_a_store_size_among_other_books(client, book_with_covers, size, width):
    book, covers = book_with_covers
    page = client.get(_compare_url(book, covers[:1], size)).content.decode()
    assert f"--shelf-width: {width}px" in page
    assert page.count('data-testid="shelf-candidate"') == 1
    # With no other mystery books in the library, the shelf is filled from the template gallery.
    assert "(template gallery)" in page and "/api/v1/templates/" in page


def test_the_shelf_prefers_the_accounts_other_books_of_the_genre(
    client, author, book_with_covers, make_book, make_cover
):
    book, covers = book_with_covers
    neighbour_book = make_book(account=author, title="Salt and Smoke", genre="mystery")
    neighbour = make_cover(account=author, book=neighbour_book)
    other_genre = make_cover(account=author, book=make_book(account=author, title="Dragons", genre="fantasy"))
    page = client.get(_compare_url(book, covers[:1])).content.decode()
    assert f"/covers/{neighbour.id}/images/" in page and "Salt and Smoke (your library)" in page
    assert f"/covers/{other_genre.id}/images/" not in page


def test_other_accounts_covers_never_stand_on_the_shelf(
    client, author, book_with_covers, make_account, make_book, make_cover
):
    book, covers = book_with_covers
    stranger = make_account()
    theirs = make_cover(account=stranger, book=make_book(account=stranger, genre="mystery"))
    page = client.get(_compare_url(book, covers[:1])).content.decode()
    assert str(theirs.id) not in page


def test_compare_ignores_covers_of_other_books_and_accounts(client, author, book_with_covers, make_account, make_cover):
    book, covers = book_with_covers
    theirs = make_cover(account=make_account())
    page = client.get(_compare_url(book, [covers[0], theirs])).content.decode()
    assert f"/covers/{theirs.id}/" not in page
    assert page.count('data-testid="shelf-row"') == 1


def test_compare_takes_at_most_four_covers_and_says_so(client, author, book_with_covers, make_cover):
    book, covers = book_with_covers
    covers += [make_cover(account=author, book=book) for _ in range(2)]
    page = client.get(_compare_url(book, covers)).content.decode()
    assert page.count('data-testid="compare-item"') == 4
    assert "Up to 4 covers side by side" in page


def test_compare_without_covers_goes_back_to_the_book(client, book_with_covers):
    book, _covers = book_with_covers
    response = client.get(f"/books/{book.id}/compare/")
    assert response.status_code == 302 and response.url == f"/books/{book.id}/"


def test_another_accounts_book_has_no_compare_page(client, author, make_account, make_book):
    theirs = make_book(account=make_account())
    assert client.get(f"/books/{theirs.id}/compare/").status_code == 404


def test_choosing_a_cover_marks_it_everywhere_and_replaces_the_previous_choice(client, book_with_covers):
    book, covers = book_with_covers
    compare_url = _compare_url(book, covers)
    response = client.post(f"/covers/{covers[0].id}/choose/", {"next": compare_url})
    assert response.status_code == 302 and response.url == compare_url
    response = client.post(f"/covers/{covers[1].id}/choose/")
    assert response.url == f"/books/{book.id}/"
    assert list(Cover.objects.filter(book=book, chosen_at__isnull=False)) == [covers[1]]
    assert client.get(f"/books/{book.id}/").content.decode().count('data-testid="chosen-badge"') == 1
    assert "Chosen for this book" in client.get(f"/covers/{covers[1].id}/").content.decode()
    assert "Choose this cover" in client.get(f"/covers/{covers[0].id}/").content.decode()
    library = client.get("/library/").content.decode()
    assert 'data-testid="library-chosen"' in library and f'href="/covers/{covers[1].id}/"' in library


def test_choose_refuses_unsafe_next_urls_and_other_accounts_covers(
    client, author, book_with_covers, make_account, make_cover
):
    book, covers = book_with_covers
    response = client.post(f"/covers/{covers[0].id}/choose/", {"next": "https://evil.example/"})
    assert response.url == f"/books/{book.id}/"
    theirs = make_cover(account=make_account())
    assert client.post(f"/covers/{theirs.id}/choose/").status_code == 404
    assert client.get(f"/covers/{covers[0].id}/choose/").status_code == 405
    theirs.refresh_from_db()
    assert theirs.chosen_at is None


def test_an_ab_set_is_made_exported_with_a_manifest_and_its_winner_recorded(client, book_with_covers):
    book, covers = book_with_covers
    response = client.post(
        f"/books/{book.id}/ab-sets/", {"cover": [str(c.id) for c in covers[:2]], "name": "Spring launch"}
    )
    ab_set = ABSet.objects.get(book=book)
    assert response.status_code == 302 and response.url == f"/ab-sets/{ab_set.id}/"
    page = client.get(response.url).content.decode()
    assert "Spring launch" in page and "Variant A" in page and "Variant B" in page

    export = client.get(f"/ab-sets/{ab_set.id}/export.zip")
    assert export["Content-Type"] == "application/zip"
    assert 'filename="ab-set-the-last-witness-' in export["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(export.content))
    manifest = json.loads(archive.read("manifest.json"))
    assert [v["variant"] for v in manifest["variants"]] == ["A", "B"]
    assert [v["coverId"] for v in manifest["variants"]] == [str(covers[0].id), str(covers[1].id)]
    for variant in manifest["variants"]:
        data = archive.read(variant["file"])
        assert variant["file"].startswith(f"{variant['variant']}-the-last-witness-")
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert variant["sha256"] == hashlib.sha256(data).hexdigest()
        assert variant["impressions"] is None and variant["clicks"] is None
    rows = list(csv.DictReader(io.StringIO(archive.read("tracking.csv").decode())))
    assert [r["variant"] for r in rows] == ["A", "B"] and rows[0]["impressions"] == ""
    assert manifest["winner"]["coverId"] is None

    response = client.post(f"/ab-sets/{ab_set.id}/winner/", {"cover": str(covers[1].id), "note": "4.1% vs 2.7% CTR"})
    assert response.status_code == 302
    page = client.get(f"/ab-sets/{ab_set.id}/").content.decode()
    assert "Variant B won: 4.1% vs 2.7% CTR" in page
    manifest = json.loads(
        zipfile.ZipFile(io.BytesIO(client.get(f"/ab-sets/{ab_set.id}/export.zip").content)).read("manifest.json")
    )
    assert manifest["winner"]["coverId"] == str(covers[1].id)


def test_a_winner_must_be_one_of_the_sets_covers(client, book_with_covers):
    book, covers = book_with_covers
    ab_set = compare.ab_set_create(account=book.account, book_id=book.id, cover_ids=[str(c.id) for c in covers[:2]])
    response = client.post(f"/ab-sets/{ab_set.id}/winner/", {"cover": str(covers[2].id)}, follow=True)
    assert "not part of this A/B set" in response.content.decode()
    ab_set.refresh_from_db()
    assert ab_set.winner_id is None


def test_an_ab_set_needs_two_to_four_covers(client, book_with_covers):
    book, covers = book_with_covers
    response = client.post(f"/books/{book.id}/ab-sets/", {"cover": [str(covers[0].id)]}, follow=True)
    assert "2 to 4 different covers" in response.content.decode()
    assert not ABSet.objects.exists()


def test_another_accounts_ab_set_is_not_found(client, author, make_account, make_book, make_cover):
    stranger = make_account()
    book = make_book(account=stranger)
    covers = [make_cover(account=stranger, book=book) for _ in range(2)]
    ab_set = compare.ab_set_create(account=stranger, book_id=book.id, cover_ids=[str(c.id) for c in covers])
    assert client.get(f"/ab-sets/{ab_set.id}/").status_code == 404
    assert client.get(f"/ab-sets/{ab_set.id}/export.zip").status_code == 404
    assert client.post(f"/ab-sets/{ab_set.id}/winner/", {"cover": str(covers[0].id)}).status_code == 404
    assert client.post(f"/books/{book.id}/ab-sets/", {"cover": [str(c.id) for c in covers]}).status_code == 404
