"""What the store's staff edit around the guide: the announcement bar, promotional
sections, the image with its caption, and products tied to prevention advice."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models


class ShownQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(is_shown=True).order_by("position", "pk")


class _Shown(models.Model):
    is_shown = models.BooleanField("show on the site", default=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower comes first.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = ShownQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class Announcement(_Shown):
    """A line in the bar at the top of every page; the first one shown is used."""

    text = models.CharField(max_length=120)
    link_url = models.CharField(max_length=200, blank=True, help_text="Optional; a path or URL.")

    class Meta(_Shown.Meta):
        verbose_name = "announcement bar"

    def __str__(self) -> str:
        return self.text


class PromoSection(_Shown):
    """A short promotional or informational block on the guide page."""

    title = models.CharField(max_length=120)
    body = models.TextField(max_length=1000, help_text="Plain text; blank lines make paragraphs.")
    link_url = models.CharField(max_length=200, blank=True)
    link_text = models.CharField(max_length=60, blank=True)

    class Meta(_Shown.Meta):
        verbose_name = "promotional section"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if bool(self.link_url) != bool(self.link_text):
            raise ValidationError("Give both the link address and its text, or neither.")

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


class FeatureImage(_Shown):
    """The image with a caption on the guide page: an upload, or a file shipped in static."""

    image = models.FileField(
        upload_to="store/",
        blank=True,
        validators=[FileExtensionValidator(["webp", "png", "jpg", "jpeg"])],
        help_text="A WebP, PNG or JPEG; leave empty to use the static file below.",
    )
    static_path = models.CharField(
        max_length=200, blank=True, help_text="A file in the static folder, used with no upload."
    )
    alt_text = models.CharField(
        max_length=200, help_text="What the image shows, for people who cannot see it."
    )
    caption = models.CharField(max_length=200, blank=True)
    width = models.PositiveSmallIntegerField(default=640)
    height = models.PositiveSmallIntegerField(default=360)

    class Meta(_Shown.Meta):
        verbose_name = "image with caption"

    def __str__(self) -> str:
        return self.caption or self.alt_text

    def clean(self) -> None:
        if not self.image and not self.static_path:
            raise ValidationError("Upload an image or give a static file.")


class Product(_Shown):
    """A product the guide suggests beside prevention advice (by prevention id)."""

    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300)
    price = models.CharField(max_length=30, blank=True, help_text='As shown, e.g. "$49".')
    url = models.CharField(
        "shop address", max_length=200, blank=True, help_text="Where to buy it; optional."
    )
    prevention_ids = models.CharField(
        max_length=200,
        help_text="Prevention ids, comma-separated, e.g. ramp_no_jumping",
    )

    class Meta(_Shown.Meta):
        pass

    def __str__(self) -> str:
        return self.name

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
