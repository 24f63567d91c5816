"""URL map: the JSON API under /api/v1, the author web app at the root, the staff admin."""

from django.contrib import admin
from django.urls import include, path

import books.urls
import covers.urls
import ops.urls
import web.urls
from byc_site import api_docs

api_v1 = [
    *books.urls.api_urlpatterns,
    *covers.urls.api_urlpatterns,
    *api_docs.urlpatterns,
]

# The admin's app list stays on its home page: as a sidebar on every page it took 300 px from the
# list tables, which then did not fit a 1366 px laptop screen.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("admin/", admin.site.urls),
    *ops.urls.urlpatterns,
    *web.urls.urlpatterns,
]

handler400 = "byc_site.errors.bad_request"
handler403 = "byc_site.errors.permission_denied"
handler404 = "byc_site.errors.page_not_found"
handler500 = "byc_site.errors.server_error"
