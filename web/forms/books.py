"""The wizard's book form. It only collects and re-displays input: books.services decides what is valid."""

from __future__ import annotations

from django import forms

from books.specs import BOOK_CREATE
from cover_engine import vocabulary


def _counted_text(name: str, label: str, *, textarea: bool = False, **attrs) -> forms.CharField:
    """A text field with a live counter at the service's limit; the limit is checked by the service."""
    spec = BOOK_CREATE[name]
    widget_attrs = {"data-max-chars": spec.max_length, "dir": "auto", **attrs}
    widget = forms.Textarea(attrs={"rows": 6, **widget_attrs}) if textarea else forms.TextInput(attrs=widget_attrs)
    field = forms.CharField(label=label, required=False, strip=False, widget=widget)
    field.counter_max = spec.max_length
    field.shown_required = spec.required
    field.api_name = spec.name
    return field


def _subgenre_choices(genre: str) -> list:
    subgenres = vocabulary.subgenres_for(genre)
    if subgenres:
        return [("", "No subgenre"), *subgenres.items()]
    if genre:
        return [("", "No subgenres for this genre")]
    # No genre chosen yet (and no JavaScript to follow it): offer every list, grouped.
    return [("", "No subgenre")] + [
        (vocabulary.GENRES[g], list(options.items())) for g, options in vocabulary.SUBGENRES.items()
    ]


class BookForm(forms.Form):
    title = _counted_text("title", "Title", autofocus=True)
    subtitle = _counted_text("subtitle", "Subtitle")
    author = _counted_text("author", "Author name", autocomplete="name")
    # Plain CharFields with select widgets: the service, not the form, says which values are allowed.
    genre = forms.CharField(
        label="Genre",
        required=False,
        widget=forms.Select(
            choices=[("", "Choose a genre…"), *vocabulary.GENRES.items()], attrs={"data-genre-select": ""}
        ),
    )
    subgenre = forms.CharField(
        label="Subgenre", required=False, widget=forms.Select(attrs={"data-subgenre-select": ""})
    )
    target_audience = forms.CharField(
        label="Target audience",
        required=False,
        widget=forms.Select(choices=[("", "Not specified"), *vocabulary.TARGET_AUDIENCES.items()]),
    )
    summary = _counted_text(
        "summary",
        "Summary",
        textarea=True,
        placeholder="A lighthouse keeper on a storm-battered island finds letters from a sister she never knew…",
    )
    external_ref = _counted_text("external_ref", "Your reference")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.use_required_attribute = False
        genre = (self.data.get("genre") if self.is_bound else self.initial.get("genre")) or ""
        self.fields["subgenre"].widget.choices = _subgenre_choices(genre)
        self.fields["genre"].shown_required = True
        self.fields["external_ref"].help_text = "An ID from your own system, if you keep one. Never shown on the cover."
        for name in ("title", "author"):
            self.fields[name].shown_required = True
