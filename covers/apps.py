from django.apps import AppConfig


class CoversConfig(AppConfig):
    name = "covers"
    default_auto_field = "django.db.models.BigAutoField"
