from django.apps import AppConfig


class CheckConfig(AppConfig):
    name = "twitchcheck.web.check"
    label = "check"
    verbose_name = "Check my dog"
