from django.urls import path

from twitchcheck.web.comments import views

app_name = "comments"
urlpatterns = [
    path("guides/<slug:page>/comments/", views.comment_post, name="post"),
]
