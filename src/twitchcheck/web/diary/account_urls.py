"""Django's own log-in, log-out and password-reset views (their URL names stay global,
as Django's views expect), plus sign-up with email and password."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from twitchcheck.web.diary import views
from twitchcheck.web.diary.forms import EmailAuthenticationForm, QueuedPasswordResetForm
from twitchcheck.web.logins import ThrottledPasswordResetView

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=EmailAuthenticationForm),
        name="login",
    ),
    path(
        "password_reset/",
        ThrottledPasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("", include("django.contrib.auth.urls")),
]
