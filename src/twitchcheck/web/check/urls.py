from django.urls import path

from twitchcheck.web.check import views

app_name = "check"
urlpatterns = [
    path("check/", views.check_step, name="start"),
    path("check/result/<str:result_id>/", views.check_result, name="result"),
]
