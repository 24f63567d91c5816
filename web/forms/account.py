"""Forms of the author web app's account pages: they check shape; billing.services decides."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm

from billing.specs import API_KEY_NAME, CREDIT_REQUEST_AMOUNT, CREDIT_REQUEST_MESSAGE, WEBHOOK_URL


class SignupForm(forms.Form):
    email = forms.EmailField(
        error_messages={"required": "Enter your email.", "invalid": "Enter a valid email, like name@example.com."},
        label="Email",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters; not only digits, and not a common password.",
    )
    password2 = forms.CharField(
        label="Repeat the password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self) -> dict:
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords differ.")
        elif first:
            probe = get_user_model()(username=cleaned.get("email", ""), email=cleaned.get("email", ""))
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, labelled for what authors type: their email."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email"
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "type": "email"})
        self.fields["username"].error_messages["required"] = "Enter your email."
        self.fields["password"].error_messages["required"] = "Enter your password."

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


class ApiKeyCreateForm(forms.Form):
    name = forms.CharField(
        error_messages={"required": "Give the key a name."},
        label="Key name",
        max_length=API_KEY_NAME.max_length,
        help_text="Something to recognise it by, such as the app or server that will use it.",
        widget=forms.TextInput(attrs={"placeholder": "e.g. Publishing server"}),
    )


class WebhookUrlForm(forms.Form):
    webhook_url = forms.URLField(
        label="Default webhook URL",
        required=False,
        max_length=WEBHOOK_URL.max_length,
        assume_scheme="https",
        help_text="We POST a signed JSON notice here when a job completes or fails. Leave empty for none.",
        widget=forms.URLInput(attrs={"placeholder": "https://example.com/hooks/covers"}),
    )


class CreditRequestForm(forms.Form):
    amount = forms.IntegerField(
        label="Credits",
        min_value=CREDIT_REQUEST_AMOUNT.low,
        max_value=CREDIT_REQUEST_AMOUNT.high,
        initial=CREDIT_REQUEST_AMOUNT.default,
        error_messages={"required": "Say how many credits you need."},
        help_text="One credit makes one cover, variation, edit or upscale.",
    )
    message = forms.CharField(
        label="What they are for",
        required=False,
        max_length=CREDIT_REQUEST_MESSAGE.max_length,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "e.g. Covers for the three books of my new series"}),
    )


# Live counters on the fields whose limit a person could reach.
ApiKeyCreateForm.base_fields["name"].counter_max = ApiKeyCreateForm.base_fields["name"].max_length
WebhookUrlForm.base_fields["webhook_url"].counter_max = WebhookUrlForm.base_fields["webhook_url"].max_length
CreditRequestForm.base_fields["message"].counter_max = CREDIT_REQUEST_MESSAGE.max_length
