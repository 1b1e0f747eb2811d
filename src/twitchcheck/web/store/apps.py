from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "twitchcheck.web.store"
    label = "store"
    verbose_name = "Store content"
