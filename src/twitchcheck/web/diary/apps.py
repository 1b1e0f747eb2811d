from django.apps import AppConfig


class DiaryConfig(AppConfig):
    name = "twitchcheck.web.diary"
    label = "diary"
    verbose_name = "Episode diary"

    def ready(self) -> None:
        from twitchcheck.web.diary import signals  # noqa: F401
