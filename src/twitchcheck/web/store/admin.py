from typing import ClassVar

from django import forms
from django.contrib import admin

from twitchcheck.web.store.models import (
    Announcement,
    FeatureImage,
    PoisonLine,
    Product,
    PromoSection,
    StoreSettings,
)


class _ShownAdmin(admin.ModelAdmin):
    list_editable: ClassVar[tuple[str, ...]] = ("is_shown", "position")


def _roomy(*names: str, rows: int = 3):
    """A model form whose named text fields get a text area with room to read them."""
    return {name: forms.Textarea(attrs={"rows": rows, "cols": 80}) for name in names}


@admin.register(Announcement)
class AnnouncementAdmin(_ShownAdmin):
    list_display = ("text", "is_shown", "position", "updated_at")


@admin.register(PromoSection)
class PromoSectionAdmin(_ShownAdmin):
    list_display = ("title", "placement", "position", "is_shown", "updated_at")
    list_editable = ("placement", "position", "is_shown")
    list_filter = ("placement", "is_shown")
    fields = ("title", "body", "link_url", "link_text", "placement", "position", "is_shown")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "body":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 10, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(FeatureImage)
class FeatureImageAdmin(_ShownAdmin):
    list_display = ("__str__", "placement", "position", "is_shown", "updated_at")
    list_editable = ("placement", "position", "is_shown")
    fields = (
        "image",
        "static_path",
        "alt_text",
        "caption",
        ("width", "height"),
        "placement",
        "position",
        "is_shown",
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("alt_text", "caption"):
            kwargs["widget"] = _roomy(db_field.name)[db_field.name]
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Product)
class ProductAdmin(_ShownAdmin):
    list_display = ("name", "price", "prevention_ids", "is_shown", "position")
    search_fields = ("name", "description")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("description", "image_alt"):
            kwargs["widget"] = _roomy(db_field.name)[db_field.name]
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(PoisonLine)
class PoisonLineAdmin(_ShownAdmin):
    list_display = ("name", "country", "phone", "is_shown", "position")
    list_filter = ("country",)


@admin.register(StoreSettings)
class StoreSettingsAdmin(admin.ModelAdmin):
    """One row of settings: it can be changed, never added twice or deleted."""

    list_display = ("__str__", "country")

    def has_add_permission(self, request):
        return not StoreSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
