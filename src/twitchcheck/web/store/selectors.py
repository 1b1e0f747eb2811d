"""Reads of the store content shown around the guide."""

from __future__ import annotations

from collections import defaultdict

from twitchcheck.web.store.models import Announcement, FeatureImage, Product, PromoSection


def announcement_current() -> Announcement | None:
    return Announcement.objects.shown().first()


def promo_sections_shown() -> list[PromoSection]:
    return list(PromoSection.objects.shown())


def feature_image_current() -> FeatureImage | None:
    return FeatureImage.objects.shown().first()


def products_by_prevention() -> dict[str, list[Product]]:
    """Shown products under each prevention id they are linked to."""
    grouped: dict[str, list[Product]] = defaultdict(list)
    for product in Product.objects.shown():
        for prevention_id in product.prevention_list:
            grouped[prevention_id].append(product)
    return dict(grouped)
