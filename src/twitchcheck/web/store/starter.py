"""Starter content for a fresh site, loaded by `manage.py setup_site --starter-content`
once: a site that has its store settings row has had it (staff cannot delete that row), so
what staff delete later is never brought back. Each item is created only when no item of
its kind exists yet, so staff edits are kept."""

from __future__ import annotations

from django.db import transaction

from twitchcheck.web.store.models import (
    Announcement,
    FeatureImage,
    PoisonLine,
    Product,
    PromoSection,
    StoreSettings,
)

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
        "placement": "before_prevention",
    }
]

FEATURE_IMAGE = {
    "static_path": "twitchcheck/img/resting-dog.svg",
    "alt_text": "A drawing of a dog asleep on a cushion, one back leg twitching.",
    "caption": "A dog that twitches in its sleep is usually just dreaming.",
    "width": 640,
    "height": 360,
    "placement": "above",
}

PRODUCTS = [
    {
        "name": "Dog bed ramp",
        "description": "A non-slip ramp so your dog can get onto the bed without jumping.",
        "price": "$89",
        "prevention_ids": "ramp_no_jumping",
        "url": "https://shop.example.com/products/dog-bed-ramp",
        "image_static_path": "twitchcheck/img/products/bed-ramp.svg",
        "image_alt": "A carpeted ramp leading up to the side of a bed.",
        "position": 1,
    },
    {
        "name": "Folding pet steps",
        "description": "Three wide carpeted steps for the sofa or the car; they fold flat.",
        "price": "$59",
        "prevention_ids": "ramp_no_jumping",
        "url": "https://shop.example.com/products/folding-pet-steps",
        "image_static_path": "twitchcheck/img/products/pet-steps.svg",
        "image_alt": "Three wide carpeted steps, seen from the side.",
        "position": 2,
    },
    {
        "name": "Travel water bottle and bowl",
        "description": "Water on every walk: a bottle with a fold-out bowl that clips to a lead.",
        "price": "$19",
        "prevention_ids": "water_intake",
        "url": "https://shop.example.com/products/travel-water-bottle",
        "image_static_path": "twitchcheck/img/products/water-bottle.svg",
        "image_alt": "A water bottle with a shallow bowl folded out at its top.",
        "position": 3,
    },
    {
        "name": "Reusable cold pack",
        "description": "A soft gel pack with a fleece cover, sized for a dog's leg or back.",
        "price": "$15",
        "prevention_ids": "cold_compress",
        "url": "https://shop.example.com/products/reusable-cold-pack",
        "image_static_path": "twitchcheck/img/products/cold-pack.svg",
        "image_alt": "A soft blue gel pack in a fleece cover.",
        "position": 4,
    },
]


# Animal poison helplines by country (checked against each service's own site; the store
# can edit them in the admin). Both US lines charge a consultation fee.
POISON_LINES = [
    {
        "country": "US",
        "name": "ASPCA Animal Poison Control Center",
        "phone": "(888) 426-4435",
        "note": "24 hours; a consultation fee may apply",
        "position": 1,
    },
    {
        "country": "US",
        "name": "Pet Poison Helpline",
        "phone": "(855) 764-7661",
        "note": "24 hours; a fee applies",
        "position": 2,
    },
    {
        "country": "CA",
        "name": "Pet Poison Helpline",
        "phone": "(855) 764-7661",
        "note": "24 hours; serves Canada too; a fee applies",
        "position": 1,
    },
    {
        "country": "GB",
        "name": "Animal PoisonLine",
        "phone": "01202 509000",
        "note": "24 hours, run by the Veterinary Poisons Information Service; a fee applies",
        "position": 1,
    },
    {
        "country": "AU",
        "name": "Animal Poisons Helpline",
        "phone": "1300 869 738",
        "note": "Free advice for pet owners",
        "position": 1,
    },
    {
        "country": "NZ",
        "name": "Animal Poisons Helpline",
        "phone": "0800 869 738",
        "note": "Free advice for pet owners",
        "position": 1,
    },
]


def starter_content_loaded() -> bool:
    return StoreSettings.objects.exists()


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
    if not PoisonLine.objects.exists():
        for line in POISON_LINES:
            PoisonLine.objects.create(**line)
        created.append(f"{len(POISON_LINES)} poison lines")
    if not StoreSettings.objects.exists():
        StoreSettings.objects.create(country="US")
        created.append("store settings (country: United States)")
    return created
