"""Template previews: every template has a believable sample book; the command writes PNGs and sheets."""

from __future__ import annotations

import io

from PIL import Image

from cover_engine.brief import build_brief
from cover_engine.templates import CATALOGUE
from cover_engine.templates.previews import main
from cover_engine.templates.samples import sample_book, sample_options
from cover_engine.vocabulary import subgenres_for


def test_every_template_has_a_sample_book_of_a_genre_it_fits():
    for spec in CATALOGUE.values():
        book = sample_book(spec)
        assert book.title and book.author and book.summary
        assert book.genre in spec.genres
        assert book.subgenre == "" or book.subgenre in subgenres_for(book.genre)
        assert book.subgenre not in spec.avoid_subgenres


def test_a_preview_shows_the_templates_signature_motif():
    spec = CATALOGUE["dark-object-dagger"]
    options = sample_options(spec)
    assert options.template_id == spec.id
    brief = build_brief(sample_book(spec), mood=None, palette=None, main_elements=options.main_elements, seed=7)
    assert "dagger" in [motif.name for motif in brief.motifs]


def test_the_previews_command_writes_each_preview_and_contact_sheets(tmp_path, capsys):
    ids = ["noir-fog-house", "kids-sunny-hills"]
    assert main([str(tmp_path), "--scale", "0.1", "--square", "--only", ",".join(ids)]) == 0
    for template_id in ids:
        ebook = Image.open(tmp_path / f"{template_id}.png")
        square = Image.open(tmp_path / f"{template_id}.square.png")
        assert ebook.size == (160, 256)
        assert square.size == (240, 240)
    for name in ("_contact-ebook.png", "_contact-ebook-thumbs.png", "_contact-square.png"):
        sheet = Image.open(io.BytesIO((tmp_path / name).read_bytes()))
        assert sheet.width > 2 * 90
    # Two different designs give two different pictures.
    a = (tmp_path / f"{ids[0]}.png").read_bytes()
    b = (tmp_path / f"{ids[1]}.png").read_bytes()
    assert a != b
    assert "wrote 8 files" in capsys.readouterr().out
