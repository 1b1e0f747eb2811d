from django.conf import settings
from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path

from twitchcheck.web.api.api import api
from twitchcheck.web.health import healthz, livez
from twitchcheck.web.media import public_upload

handler500 = "twitchcheck.web.health.server_error"


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin)."""
    return HttpResponsePermanentRedirect(static("twitchcheck/img/favicon.svg"))


admin.site.site_header = "twitchcheck staff"
admin.site.site_title = "twitchcheck staff"

urlpatterns = [
    path("", include("twitchcheck.web.guide.urls")),
    path("", include("twitchcheck.web.comments.urls")),
    path("", include("twitchcheck.web.check.urls")),
    path("", include("twitchcheck.web.diary.urls")),
    path("accounts/", include("twitchcheck.web.diary.account_urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("livez", livez, name="livez"),
    path("favicon.ico", favicon),
]

# the store's uploaded images in development and a local run (`make run`, `make serve`); in
# production the web server serves MEDIA_ROOT/store and MEDIA_ROOT/products, or S3 does
# (docs/web.md). Diary files under MEDIA_ROOT/diary are never served directly: only through
# the diary's own view, which checks who is asking.
if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>(?:store|products)/[^/]+)$", public_upload)]
