from django.contrib import admin

from twitchcheck.web.store.models import Announcement, FeatureImage, Product, PromoSection


class _ShownAdmin(admin.ModelAdmin):
    list_editable = ("is_shown", "position")


@admin.register(Announcement)
class AnnouncementAdmin(_ShownAdmin):
    list_display = ("text", "is_shown", "position", "updated_at")


@admin.register(PromoSection)
class PromoSectionAdmin(_ShownAdmin):
    list_display = ("title", "is_shown", "position", "updated_at")


@admin.register(FeatureImage)
class FeatureImageAdmin(_ShownAdmin):
    list_display = ("__str__", "is_shown", "position", "updated_at")


@admin.register(Product)
class ProductAdmin(_ShownAdmin):
    list_display = ("name", "price", "prevention_ids", "is_shown", "position")
    search_fields = ("name", "description")
