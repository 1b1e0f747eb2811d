"""What the store's staff edit around the guide: the announcement bar, promotional
sections, the image with its caption, and products tied to prevention advice."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models

from twitchcheck.web.store.validators import (
    image_src,
    safe_link,
    validate_link,
    validate_static_image,
)


class Placement(models.TextChoices):
    """Where on the guide page a section goes (the article's own parts stay in order)."""

    ABOVE = "above", "Above the article, under its title"
    AFTER_BASICS = "after_basics", "Between the basics and the causes"
    BEFORE_PREVENTION = "before_prevention", "Between the causes and the prevention tips"
    AFTER_PREVENTION = "after_prevention", "Between the prevention tips and when to see a vet"
    BELOW = "below", "Below the article, before the comments"


def paragraphs_of(text: str) -> list[str]:
    """Plain text typed in the admin as paragraphs: any line endings (Windows, old Mac),
    a blank line (even one holding spaces) between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


class ShownQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(is_shown=True).order_by("position", "pk")

    def update(self, **kwargs):
        """A bulk update sends no signal: the cached pages are dropped here (a save or a
        delete drops them through the signals in pagecache)."""
        from twitchcheck.web.pagecache import content_changed

        changed = super().update(**kwargs)
        content_changed()
        return changed


class _Shown(models.Model):
    is_shown = models.BooleanField(
        "show on the site", default=True, help_text="Untick to hide it without deleting it."
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order among items in the same place: lower comes first."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ShownQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class Announcement(_Shown):
    """A line in the bar at the top of every page; the first one shown is used."""

    text = models.CharField(
        max_length=120, help_text="One short line shown at the top of every page."
    )
    link_url = models.CharField(
        "link address",
        max_length=200,
        blank=True,
        validators=[validate_link],
        help_text="Optional: where the line leads, a path such as /check/ or a full address "
        "starting with https://.",
    )

    class Meta(_Shown.Meta):
        verbose_name = "announcement bar"

    def __str__(self) -> str:
        return self.text

    @property
    def href(self) -> str:
        return safe_link(self.link_url)


class PromoSection(_Shown):
    """A short promotional or informational block on the guide page."""

    title = models.CharField(max_length=120, help_text="The section's heading.")
    body = models.TextField(
        max_length=1000,
        help_text="Plain text (no HTML); leave an empty line between paragraphs.",
    )
    link_url = models.CharField(
        "link address",
        max_length=200,
        blank=True,
        validators=[validate_link],
        help_text="Optional: a path such as /check/, an anchor such as #prevention, or a full "
        "address starting with https://. Give the link text too.",
    )
    link_text = models.CharField(
        max_length=60, blank=True, help_text="The words of the link, e.g. “Shop ramps”."
    )
    placement = models.CharField(
        max_length=20,
        choices=Placement.choices,
        default=Placement.BEFORE_PREVENTION,
        help_text="Where on the guide page this section appears.",
    )

    class Meta(_Shown.Meta):
        verbose_name = "promotional section"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if bool(self.link_url) != bool(self.link_text):
            raise ValidationError("Give both the link address and its text, or neither.")

    @property
    def paragraphs(self) -> list[str]:
        return paragraphs_of(self.body)

    @property
    def href(self) -> str:
        return safe_link(self.link_url)


class FeatureImage(_Shown):
    """The image with a caption on the guide page: an upload, or a file shipped in static."""

    image = models.FileField(
        upload_to="store/",
        blank=True,
        validators=[FileExtensionValidator(["webp", "png", "jpg", "jpeg"])],
        help_text="A WebP, PNG or JPEG; leave empty to use the static file below.",
    )
    static_path = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_static_image],
        help_text="A file in the static folder (e.g. twitchcheck/img/resting-dog.svg), used "
        "when nothing is uploaded.",
    )
    alt_text = models.CharField(
        max_length=300,
        help_text="What the image shows, for people who cannot see it (read aloud by screen "
        "readers). Describe the picture, not the caption.",
    )
    caption = models.CharField(
        max_length=300, blank=True, help_text="Optional: shown under the image."
    )
    width = models.PositiveSmallIntegerField(
        default=640, help_text="The image's width in pixels (keeps the page from jumping)."
    )
    height = models.PositiveSmallIntegerField(
        default=360, help_text="The image's height in pixels."
    )
    placement = models.CharField(
        max_length=20,
        choices=Placement.choices,
        default=Placement.ABOVE,
        help_text="Where on the guide page the image appears.",
    )

    class Meta(_Shown.Meta):
        verbose_name = "image with caption"

    def __str__(self) -> str:
        return self.caption or self.alt_text

    def clean(self) -> None:
        if not self.image and not self.static_path:
            raise ValidationError("Upload an image or give a static file.")

    @property
    def src(self) -> str:
        return image_src(self.image, self.static_path)


class Product(_Shown):
    """A product the guide suggests beside prevention advice (by prevention id)."""

    name = models.CharField(max_length=120, help_text="The product's name as the shop shows it.")
    description = models.CharField(
        max_length=300, help_text="One or two sentences: what it is and how it helps."
    )
    price = models.CharField(max_length=30, blank=True, help_text='As shown, e.g. "$49".')
    url = models.CharField(
        "shop address",
        max_length=200,
        blank=True,
        validators=[validate_link],
        help_text="The product's page in the shop; the whole card links there.",
    )
    image = models.FileField(
        upload_to="products/",
        blank=True,
        validators=[FileExtensionValidator(["webp", "png", "jpg", "jpeg"])],
        help_text="A square WebP, PNG or JPEG photo; leave empty to use the static file below.",
    )
    image_static_path = models.CharField(
        "static image",
        max_length=200,
        blank=True,
        validators=[validate_static_image],
        help_text="A file in the static folder, used when nothing is uploaded.",
    )
    image_alt = models.CharField(
        "image description",
        max_length=300,
        blank=True,
        help_text="What the photo shows, for people who cannot see it.",
    )
    prevention_ids = models.CharField(
        max_length=200,
        help_text="The prevention tips it is shown beside, as ids separated by commas, "
        "e.g. ramp_no_jumping (see the list in the guide's prevention section).",
    )

    class Meta(_Shown.Meta):
        pass

    def __str__(self) -> str:
        return self.name

    @property
    def href(self) -> str:
        return safe_link(self.url)

    @property
    def image_src(self) -> str:
        return image_src(self.image, self.image_static_path)

    @property
    def prevention_list(self) -> list[str]:
        return [p.strip() for p in self.prevention_ids.split(",") if p.strip()]

    def clean(self) -> None:
        from twitchcheck import load_knowledge

        known = {p.id for p in load_knowledge().prevention}
        unknown = [p for p in self.prevention_list if p not in known]
        if unknown:
            message = f"Unknown: {', '.join(unknown)}. Known: {', '.join(sorted(known))}."
            raise ValidationError({"prevention_ids": message})


COUNTRIES = [
    ("US", "United States"),
    ("CA", "Canada"),
    ("GB", "United Kingdom"),
    ("IE", "Ireland"),
    ("AU", "Australia"),
    ("NZ", "New Zealand"),
    ("ZA", "South Africa"),
    ("OTHER", "Another country"),
]


class StoreSettings(models.Model):
    """Settings for the whole site; there is one row (the admin offers no second)."""

    country = models.CharField(
        max_length=5,
        choices=COUNTRIES,
        default="US",
        help_text="The store's country: poison lines for it are shown by default (an owner "
        "can choose another on the result page).",
    )

    class Meta:
        verbose_name = "store settings"
        verbose_name_plural = "store settings"

    def __str__(self) -> str:
        return "Store settings"

    @classmethod
    def current(cls) -> StoreSettings:
        return cls.objects.order_by("pk").first() or cls()


class PoisonLine(_Shown):
    """An animal poison helpline, shown with a poisoning result for its country."""

    country = models.CharField(
        max_length=5, choices=COUNTRIES, help_text="The country whose callers it serves."
    )
    name = models.CharField(max_length=120, help_text="The service's name.")
    phone = models.CharField(
        max_length=40,
        help_text="As it is dialled in that country, e.g. (888) 426-4435 or 01202 509000; "
        "it becomes a tap-to-call link.",
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="Optional: hours, fees, who it serves."
    )

    class Meta(_Shown.Meta):
        verbose_name = "poison line"

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"

    @property
    def href(self) -> str:
        from twitchcheck.present import tel_href

        return tel_href(self.phone)

    def clean(self) -> None:
        if sum(ch.isdigit() for ch in self.phone) < 5:
            raise ValidationError({"phone": "Give the number with its digits."})
