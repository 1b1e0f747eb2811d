from django.urls import path

from twitchcheck.web.guide import views

app_name = "guide"
urlpatterns = [
    path("", views.guide_page, name="home"),
    path("guides/<slug:page>/", views.guide_page, name="article"),
    path("guides/<slug:page>/sources/", views.sources_page, name="sources"),
]
