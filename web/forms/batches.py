"""The catalogue upload form. It only collects the file; covers.services checks every row."""

from __future__ import annotations

from django import forms

from covers import specs

ACCEPTED_TYPES = ".csv,.json,text/csv,application/json"


class CatalogueForm(forms.Form):
    catalogue = forms.FileField(
        label="Catalogue file",
        help_text="CSV (first line: the column names) or JSON (a list of books), UTF-8.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_TYPES}),
    )
    count = forms.TypedChoiceField(
        label="Covers per book",
        choices=[(n, str(n)) for n in specs.COUNT.values],
        coerce=int,
        initial=specs.COUNT.default,
        help_text="A row's own count column wins. Each cover costs one credit.",
    )
