from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "billing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the API-key security scheme with drf-spectacular.
        import byc_site.openapi  # noqa: F401
