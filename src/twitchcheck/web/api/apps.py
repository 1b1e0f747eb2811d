from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "twitchcheck.web.api"
    label = "api"
    verbose_name = "JSON API"
