"""Forms of the cover wizard and the refine page. They collect input; covers.services decides what is valid."""

from __future__ import annotations

from django import forms

from byc_site.fieldspec import TextSpec
from cover_engine import vocabulary
from covers import specs

COUNT_CHOICES = [(str(n), str(n)) for n in specs.COUNT.values]


def _counted_textarea(label: str, spec: TextSpec, **attrs) -> forms.CharField:
    """A textarea with a live counter at the service's limit (`data-max-chars`, read by app.js)."""
    field = forms.CharField(
        label=label,
        required=False,
        strip=False,
        # No max_length: the service refuses a long text (with its field and code); the form only counts.
        widget=forms.Textarea(attrs={"rows": 3, "data-max-chars": spec.max_length, "dir": "auto", **attrs}),
    )
    field.counter_max = spec.max_length
    field.api_name = spec.name
    return field


class StyleForm(forms.Form):
    """Wizard step 2. Empty template, mood or palette means "let the engine choose"."""

    template = forms.CharField(required=False)
    mood = forms.CharField(required=False)
    palette = forms.CharField(required=False)
    main_elements = _counted_textarea(
        "Main elements",
        specs.MAIN_ELEMENTS,
        placeholder="e.g. a lighthouse on a cliff, stormy sea, a single lit window",
    )
    count = forms.CharField(required=False, initial="3")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "main_elements"
        ].help_text = (
            "What you would like to see on the cover, in your own words. Leave empty to let the summary decide."
        )

    @property
    def mood_choices(self) -> list[tuple[str, str]]:
        return [("", "Auto")] + [(m, m.capitalize()) for m in vocabulary.MOODS]

    def value_of(self, name: str) -> str:
        if self.is_bound:
            return self.data.get(name, "")
        return str(self.initial.get(name, self.fields[name].initial or ""))


class VariationForm(forms.Form):
    count = forms.CharField(required=False, initial="3")


class EditForm(forms.Form):
    prompt = _counted_textarea("What should change?", specs.PROMPT, placeholder="e.g. make the sky more dramatic")


EXAMPLE_PROMPTS = (
    "Make the sky more dramatic",
    "Darker background and more stars",
    "Warmer colours",
    "Put the title at the bottom",
    "Bigger title",
    "Add a full moon",
    "Less busy, more minimal",
    "Use a script font for the title",
)


def _spec_choice(spec, labels: dict[str, str] | None = None, **kwargs) -> forms.ChoiceField:
    field = forms.ChoiceField(choices=[(c, (labels or {}).get(c, c)) for c in spec.choices], **kwargs)
    field.api_name = spec.name
    return field


def _spec_text(label: str, spec: TextSpec, **attrs) -> forms.CharField:
    field = forms.CharField(label=label, required=False, widget=forms.TextInput(attrs=attrs))
    field.api_name = spec.name
    return field


class PrintTargetForm(forms.Form):
    """Printer, binding, trim, pages and paper: what a print wrap (and preflight) is built for.
    The choices come from covers.specs (the engine's printer rules); the service checks the combination."""

    printer = _spec_choice(specs.PRINTER, {"kdp": "Amazon KDP", "ingramspark": "IngramSpark", "lulu": "Lulu"})
    binding = _spec_choice(specs.BINDING, {"paperback": "Paperback", "hardcover": "Hardcover"})
    trim_size = _spec_choice(specs.TRIM_SIZE, label="Trim size (inches)", initial="6x9")
    page_count = forms.IntegerField(label="Pages", min_value=1, initial=200)
    page_count.api_name = specs.PAGE_COUNT.name
    paper = _spec_choice(specs.PAPER, {"white": "White", "cream": "Cream", "color": "Colour"})


class PrintWrapForm(PrintTargetForm):
    isbn = _spec_text("ISBN", specs.ISBN, placeholder="978-…", inputmode="numeric")
    price = _spec_text("Price add-on", specs.PRICE, placeholder="90000", inputmode="numeric")
    back_text = _counted_textarea("Back cover text", specs.BACK_TEXT, placeholder="Leave empty to use the summary")
    author_bio = _counted_textarea("About the author", specs.AUTHOR_BIO)


class PreflightForm(PrintTargetForm):
    file = forms.FileField(label="Cover file (PDF, PNG or JPEG)")
    file.api_name = "file"
    isbn = _spec_text("ISBN on the barcode", specs.ISBN, inputmode="numeric")
