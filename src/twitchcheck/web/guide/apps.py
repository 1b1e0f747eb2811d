from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "twitchcheck.web.guide"
    label = "guide"
