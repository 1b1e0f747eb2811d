from django.contrib import admin
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.cache import never_cache

from twitchcheck.web.api.api import api


@never_cache
def healthz(request):
    """Liveness: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


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
    path("favicon.ico", favicon),
]
