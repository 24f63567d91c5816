"""The site's URLs plus /bench/bare: a plain Django JSON view, the framework's own ceiling."""

from django.http import JsonResponse
from django.urls import path

from byc_site.urls import urlpatterns as site_urlpatterns


def bare(request):
    return JsonResponse({"jobId": "00000000-0000-0000-0000-000000000000", "status": "completed"})


urlpatterns = [path("bench/bare", bare), *site_urlpatterns]
