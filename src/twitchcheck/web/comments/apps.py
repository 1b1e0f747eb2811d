from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "twitchcheck.web.comments"
    label = "comments"
