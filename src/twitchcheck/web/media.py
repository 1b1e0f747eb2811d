"""The store's uploaded images (MEDIA_ROOT/store, MEDIA_ROOT/products) served by Django
for development and a local run; in production the web server or S3 serves them."""

from django.conf import settings
from django.views.static import serve


def public_upload(request, path: str):
    return serve(request, path, document_root=settings.MEDIA_ROOT)
