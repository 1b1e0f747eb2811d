from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "twitchcheck.web.guide"
    label = "guide"

    def ready(self) -> None:
        from twitchcheck.web.pagecache import connect_signals

        connect_signals()
