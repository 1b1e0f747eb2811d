"""The moderation queue: pending first, with approve / spam / remove as bulk actions."""

from django.contrib import admin, messages
from django.utils import timezone

from twitchcheck.web.comments.models import Comment
from twitchcheck.web.comments.selectors import comments_pending_count
from twitchcheck.web.comments.services import comments_moderate


def _moderation_action(status: Comment.Status, verb: str):
    def action(modeladmin, request, queryset):
        changed = comments_moderate(
            comment_ids=queryset.values_list("pk", flat=True), status=status
        )
        modeladmin.message_user(request, f"{changed} comment(s) {verb}.", messages.SUCCESS)

    action.__name__ = f"mark_{status.value}"
    return admin.action(description=f"Mark selected comments as {status.label.lower()}")(action)


class StatusFilter(admin.SimpleListFilter):
    """Pending by default: the queue is what a moderator opens the page for."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, ("all", "All")]

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": (self.value() or Comment.Status.PENDING) == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or Comment.Status.PENDING
        return queryset if value == "all" else queryset.filter(status=value)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("name", "short_body", "status", "created_at")
    list_filter = (StatusFilter,)
    search_fields = ("name", "email", "body")
    readonly_fields = ("created_at", "moderated_at")
    fields = ("status", "name", "email", "body", "page", "created_at", "moderated_at")
    date_hierarchy = "created_at"
    actions = [
        _moderation_action(Comment.Status.APPROVED, "approved"),
        _moderation_action(Comment.Status.SPAM, "marked as spam"),
        _moderation_action(Comment.Status.REMOVED, "removed"),
    ]

    @admin.display(description="comment")
    def short_body(self, obj: Comment) -> str:
        return obj.body if len(obj.body) <= 80 else obj.body[:79] + "…"

    def changelist_view(self, request, extra_context=None):
        pending = comments_pending_count()
        extra_context = {**(extra_context or {}), "title": f"Comments: {pending} pending"}
        return super().changelist_view(request, extra_context=extra_context)

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data:
            obj.moderated_at = timezone.now()
        super().save_model(request, obj, form, change)
