"""Settings for the `manage.py qcluster` that browser tests start: the project's settings, pointed at
the test database and the test's media folder (both handed over in environment variables)."""

import os

from byc_site.settings import *  # noqa: F403
from byc_site.settings import DATABASES, STORAGES

DATABASES["default"]["NAME"] = os.environ["BYC_BROWSER_DB_NAME"]
MEDIA_ROOT = os.environ["BYC_BROWSER_MEDIA_ROOT"]
if STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":
    STORAGES["default"]["OPTIONS"]["location"] = MEDIA_ROOT
COVERS_RENDER_SCALE = float(os.environ["BYC_BROWSER_RENDER_SCALE"])
