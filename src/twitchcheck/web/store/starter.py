"""Starter content for a fresh site, loaded by `manage.py setup_site`. Idempotent: each
item is created only when no item of its kind exists yet, so staff edits are kept."""

from __future__ import annotations

from django.db import transaction

from twitchcheck.web.store.models import Announcement, FeatureImage, Product, PromoSection

ANNOUNCEMENT = {"text": "Free shipping in the United States"}

PROMO_SECTIONS = [
    {
        "title": "Easier on the joints",
        "body": (
            "Every jump on and off the sofa jolts your dog's legs and back. "
            "Our ramps and steps take the strain out of the everyday climbs.\n\n"
            "Every ramp comes with 30 days to change your mind."
        ),
        "link_url": "#prevention",
        "link_text": "See how to prevent spasms",
    }
]

FEATURE_IMAGE = {
    "static_path": "twitchcheck/img/resting-dog.svg",
    "alt_text": "A drawing of a dog asleep on a cushion, one back leg twitching.",
    "caption": "A dog that twitches in its sleep is usually just dreaming.",
    "width": 640,
    "height": 360,
}

PRODUCTS = [
    {
        "name": "Dog bed ramp",
        "description": "A non-slip ramp so your dog can get onto the bed without jumping.",
        "price": "$89",
        "prevention_ids": "ramp_no_jumping",
        "position": 1,
    },
    {
        "name": "Folding pet steps",
        "description": "Three wide carpeted steps for the sofa or the car; they fold flat.",
        "price": "$59",
        "prevention_ids": "ramp_no_jumping",
        "position": 2,
    },
    {
        "name": "Travel water bottle and bowl",
        "description": "Water on every walk: a bottle with a fold-out bowl that clips to a lead.",
        "price": "$19",
        "prevention_ids": "water_intake",
        "position": 3,
    },
    {
        "name": "Reusable cold pack",
        "description": "A soft gel pack with a fleece cover, sized for a dog's leg or back.",
        "price": "$15",
        "prevention_ids": "cold_compress",
        "position": 4,
    },
]


@transaction.atomic
def starter_content_load() -> list[str]:
    """Creates whatever kind of content is missing; returns what it created."""
    created = []
    if not Announcement.objects.exists():
        Announcement.objects.create(**ANNOUNCEMENT)
        created.append("announcement bar")
    if not PromoSection.objects.exists():
        for section in PROMO_SECTIONS:
            PromoSection.objects.create(**section)
        created.append(f"{len(PROMO_SECTIONS)} promotional section(s)")
    if not FeatureImage.objects.exists():
        FeatureImage.objects.create(**FEATURE_IMAGE)
        created.append("image with caption")
    if not Product.objects.exists():
        for product in PRODUCTS:
            Product.objects.create(**product)
        created.append(f"{len(PRODUCTS)} products")
    return created
