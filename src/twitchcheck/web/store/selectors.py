"""Reads of the store content shown around the guide."""

from __future__ import annotations

from collections import defaultdict

from twitchcheck.web.store.models import (
    COUNTRIES,
    Announcement,
    FeatureImage,
    PoisonLine,
    Product,
    PromoSection,
    StoreSettings,
)


def announcement_current() -> Announcement | None:
    return Announcement.objects.shown().first()


def promo_sections_shown() -> list[PromoSection]:
    return list(PromoSection.objects.shown())


def feature_image_current() -> FeatureImage | None:
    return FeatureImage.objects.shown().first()


def store_sections_by_place() -> dict[str, list]:
    """The image and the promotional sections shown, under their placement, each place in
    the staff's order: [("image", FeatureImage) | ("promo", PromoSection), ...]."""
    places: dict[str, list] = defaultdict(list)
    image = feature_image_current()
    items = [(image.position, 0, image.pk, "image", image)] if image else []
    items += [(p.position, 1, p.pk, "promo", p) for p in PromoSection.objects.shown()]
    for *_, kind, item in sorted(items, key=lambda x: x[:3]):
        places[item.placement].append((kind, item))
    return dict(places)


def products_by_prevention() -> dict[str, list[Product]]:
    """Shown products under each prevention id they are linked to."""
    grouped: dict[str, list[Product]] = defaultdict(list)
    for product in Product.objects.shown():
        for prevention_id in product.prevention_list:
            grouped[prevention_id].append(product)
    return dict(grouped)


def store_country() -> str:
    return StoreSettings.current().country


def country_choices() -> list[tuple[str, str]]:
    return list(COUNTRIES)


def poison_lines_for(country: str) -> list[PoisonLine]:
    return list(PoisonLine.objects.shown().filter(country=country))
