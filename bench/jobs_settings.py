"""Settings for bench/jobs.py: the real settings plus one bare Django view to compare against."""

from byc_site.settings import *  # noqa: F403

ROOT_URLCONF = "jobs_urls"
