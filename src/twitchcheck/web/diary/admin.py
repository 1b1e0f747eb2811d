"""Staff see diaries only as counts and metadata: no episode notes or files."""

from django.contrib import admin

from twitchcheck.web.diary.models import ApiToken, Dog, ReportLink


@admin.register(Dog)
class DogAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "created_at")
    search_fields = ("owner__username",)
    fields = ("name", "owner", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReportLink)
class ReportLinkAdmin(admin.ModelAdmin):
    list_display = ("dog", "created_by", "created_at", "expires_at", "revoked_at")
    fields = list_display
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at", "expires_at")
    fields = list_display
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False
