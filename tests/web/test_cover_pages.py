"""Wizard steps 2-4 (style, progress, refine), the cover page and downloads, through the test client."""

from __future__ import annotations

import io

import pytest

from billing.services import credits_balance
from covers.models import Job, Template
from covers.services import template_sync

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(make_book, author):
    return make_book(account=author, title="The Salt Lantern", genre="fantasy", summary="A lighthouse in a storm.")


def test_the_style_step_offers_the_genres_templates_palettes_and_the_cost(client, book):
    template_sync()
    page = client.get(f"/books/{book.id}/style/").content.decode()
    fantasy = [t for t in Template.objects.all() if "fantasy" in t.genres]
    other = [t for t in Template.objects.all() if "fantasy" not in t.genres]
    assert fantasy and all(f'value="{t.id}"' in page for t in fantasy)
    # The others are there, hidden until the author asks for them.
    assert page.count('class="other-template" hidden') == len(other) > 0
    assert 'id="tpl-auto"' in page and "/preview.png" in page
    assert 'id="pal-metallic"' in page and "background: #" in page
    assert 'data-available="10"' in page
    every = client.get(f"/books/{book.id}/style/?templates=all").content.decode()
    assert all(f'value="{t.id}"' in every for t in other) and 'other-template" hidden' not in every


def test_generating_goes_to_a_progress_page_that_polls_until_the_covers_are_shown(client, author, book, run_jobs):
    with run_jobs():
        response = client.post(
            f"/books/{book.id}/style/", {"count": "2", "mood": "mysterious", "palette": "cool", "main_elements": ""}
        )
    job = Job.objects.get(account=author)
    assert response.status_code == 302 and response.url == f"/jobs/{job.id}/"
    assert (job.count, job.params["mood"], job.params["palette"]) == (2, "mysterious", "cool")
    status = client.get(f"/jobs/{job.id}/status.json").json()
    assert status["status"] == "completed" and status["done"] is True
    assert status["html"].count('data-testid="result-cover"') == 2
    assert credits_balance(account=author).total == 8


def test_a_queued_job_reports_progress_without_html(client, author, book):
    response = client.post(f"/books/{book.id}/style/", {"count": "1"})
    job = Job.objects.get(account=author)
    assert response.status_code == 302
    status = client.get(f"/jobs/{job.id}/status.json").json()
    assert (status["status"], status["done"], "html" in status) == ("queued", False, False)
    page = client.get(f"/jobs/{job.id}/").content.decode()
    assert f'data-poll-url="/jobs/{job.id}/status.json"' in page


def test_it_explains_insufficient_credits_and_keeps_the_choices(client, author, book):
    response = client.post(f"/books/{book.id}/style/", {"count": "5", "mood": "epic", "main_elements": "a red kite"})
    # 10 credits: five covers twice would be fine, so spend some first.
    assert response.status_code == 302
    response = client.post(f"/books/{book.id}/style/", {"count": "5", "mood": "epic", "main_elements": "a red kite"})
    assert response.status_code == 302
    response = client.post(f"/books/{book.id}/style/", {"count": "3", "mood": "epic", "main_elements": "a red kite"})
    page = response.content.decode()
    assert response.status_code == 402
    assert "Not enough credits" in page and "Need 3, have 0 (0 monthly + 0 overage)" in page
    assert 'id="mood-epic" value="epic" checked' in page and "a red kite" in page


def test_it_shows_the_concurrency_limit_in_plain_words(client, author, book):
    for _ in range(author.plan.max_concurrent_jobs):
        assert client.post(f"/books/{book.id}/style/", {"count": "1"}).status_code == 302
    response = client.post(f"/books/{book.id}/style/", {"count": "1"})
    assert response.status_code == 429
    assert "Too many jobs at once" in response.content.decode()


def test_it_shows_a_too_long_main_elements_next_to_the_field(client, author, book):
    response = client.post(f"/books/{book.id}/style/", {"count": "1", "main_elements": "x" * 1001})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="field has-error" id="field-main_elements"' in page and "the maximum is 1000" in page
    assert not Job.objects.exists()


def test_the_cover_page_lists_assets_and_refine_actions(client, author, make_cover):
    cover = make_cover(account=author)
    page = client.get(f"/covers/{cover.id}/").content.decode()
    assert 'data-testid="cover-preview"' in page
    assert f"/covers/{cover.id}/download/preview/" in page
    assert "Upscale · 1 credit" in page and "Create · 1 credit" in page
    assert "320 × 512 px PNG" in page  # the size an upscale will have, at the tests' render scale
    assert "Make the sky more dramatic" in page


def test_an_edit_shows_what_the_engine_understood_and_its_lineage(client, author, make_cover, run_jobs):
    cover = make_cover(account=author)
    with run_jobs():
        # A change every fantasy cover shows (a title already at the bottom could not move there).
        response = client.post(f"/covers/{cover.id}/edit/", {"prompt": "Pastel colours please, wibble"})
    job = Job.objects.get(operation="edit_image")
    assert response.url == f"/jobs/{job.id}/"
    edited = job.covers.get()
    page = client.get(f"/covers/{edited.id}/").content.decode()
    assert 'data-testid="understood"' in page and "pastel palette" in page
    assert 'data-testid="design"' in page and "<strong>Words we did not use:</strong> wibble." in page
    assert 'data-testid="lineage"' in page and f"/covers/{cover.id}/" in page


def test_an_empty_edit_prompt_is_refused_next_to_the_field(client, author, make_cover):
    cover = make_cover(account=author)
    response = client.post(f"/covers/{cover.id}/edit/", {"prompt": "   "})
    assert response.status_code == 400
    assert "non-empty prompt" in response.content.decode()


def test_audiobook_upscale_and_download(client, author, make_cover, run_jobs):
    cover = make_cover(account=author)
    with run_jobs():
        assert client.post(f"/covers/{cover.id}/audiobook/").status_code == 302
        assert client.post(f"/covers/{cover.id}/upscale/", {"source_asset": "preview"}).status_code == 302
    again = client.post(f"/covers/{cover.id}/upscale/", {"source_asset": "preview"})
    assert again.status_code == 409 and "Already done" in again.content.decode()
    page = client.get(f"/covers/{cover.id}/").content.decode()
    assert 'data-testid="audiobook-preview"' in page
    download = client.get(f"/covers/{cover.id}/download/full/")
    assert download.status_code == 302 and "/api/v1/files/" in download.url
    assert client.get(f"/covers/{cover.id}/download/audiobook_full/").status_code == 404


def test_variations_are_made_from_the_cover(client, author, make_cover, run_jobs):
    cover = make_cover(account=author)
    with run_jobs():
        client.post(f"/covers/{cover.id}/variations/", {"count": "2"})
    job = Job.objects.get(operation="variation")
    assert job.status == "completed" and job.covers.count() == 2
    assert all(c.source_cover_id == cover.id for c in job.covers.all())


def test_covers_and_jobs_of_other_accounts_are_not_found(client, author, make_account, make_cover):
    theirs = make_cover(account=make_account())
    assert client.get(f"/covers/{theirs.id}/").status_code == 404
    assert client.post(f"/covers/{theirs.id}/edit/", {"prompt": "Bigger title"}).status_code == 404
    assert client.get(f"/covers/{theirs.id}/download/preview/").status_code == 404
    assert client.get(f"/jobs/{theirs.job_id}/").status_code == 404
    assert client.get(f"/jobs/{theirs.job_id}/status.json").status_code == 404


def test_the_library_needs_a_fixed_number_of_queries(
    client, author, make_book, make_cover, django_assert_max_num_queries
):
    for n in range(3):
        book = make_book(account=author, title=f"Book {n}")
        make_cover(account=author, book=book)
        make_cover(account=author, book=book)
    with django_assert_max_num_queries(12):
        page = client.get("/").content.decode()
    assert page.count('class="cover-img"') == 6


def test_pages_show_cacheable_thumbnails_of_the_authors_covers_only(client, author, make_account, make_cover):
    from PIL import Image

    cover = make_cover(account=author)
    page = client.get(f"/covers/{cover.id}/").content.decode()
    url = f"/covers/{cover.id}/images/preview-840.jpg"
    assert url in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "immutable" in response["Cache-Control"] and "private" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    preview = cover.assets.get(asset_type="preview")
    assert image.format == "JPEG" and image.width == min(840, preview.width)
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(f"/covers/{cover.id}/images/preview-123.jpg").status_code == 404
    assert client.get(f"/covers/{cover.id}/images/audiobook_preview-400.jpg").status_code == 404
    theirs = make_cover(account=make_account())
    assert client.get(f"/covers/{theirs.id}/images/preview-400.jpg").status_code == 404


def test_it_explains_a_content_policy_refusal_next_to_main_elements(client, author, book):
    response = client.post(f"/books/{book.id}/style/", {"count": "1", "main_elements": "a snuff film poster"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "This text is not allowed" in page and "main elements" in page and "mainElements" not in page
    assert 'id="field-main_elements"' in page and "a snuff film poster" in page
    assert not Job.objects.exists()


def test_an_edit_the_engine_does_not_understand_fails_with_its_reason_and_a_refund(
    client, author, make_cover, run_jobs
):
    cover = make_cover(account=author)
    with run_jobs():
        client.post(f"/covers/{cover.id}/edit/", {"prompt": "blorp qwerty"})
    job = Job.objects.get(operation="edit_image")
    assert (job.status, job.error_code, job.credits_used) == ("failed", "edit_not_understood", 0)
    status = client.get(f"/jobs/{job.id}/status.json").json()
    assert status["done"] and "We did not understand that edit" in status["html"]
    assert "1 credit went back to your balance" in status["html"] and "Try other words" in status["html"]
    assert credits_balance(account=author).total == 9


def test_the_library_shows_the_newest_covers_of_a_book_and_counts_the_rest(client, author, make_book, make_cover):
    from web.views import books as views

    book = make_book(account=author, title="Many Faces")
    covers = [make_cover(account=author, book=book) for _ in range(views.COVERS_IN_STRIP + 2)]
    page = client.get("/").content.decode()
    assert page.count('class="cover-img"') == views.COVERS_IN_STRIP
    assert f"/covers/{covers[-1].id}/" in page and f"/covers/{covers[0].id}/" not in page
    assert "+2 more" in page and f"{len(covers)} covers" in page
