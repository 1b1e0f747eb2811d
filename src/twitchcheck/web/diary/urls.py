from django.urls import path

from twitchcheck.web.diary import views

app_name = "diary"
urlpatterns = [
    path("diary/", views.home, name="home"),
    path("diary/dogs/new/", views.dog_new, name="dog_new"),
    path("diary/dogs/<int:dog_id>/", views.dog_detail, name="dog"),
    path("diary/dogs/<int:dog_id>/edit/", views.dog_edit, name="dog_edit"),
    path("diary/dogs/<int:dog_id>/delete/", views.dog_delete, name="dog_delete"),
    path("diary/dogs/<int:dog_id>/medications/new/", views.medication_new, name="medication_new"),
    path(
        "diary/medications/<int:medication_id>/edit/", views.medication_edit, name="medication_edit"
    ),
    path(
        "diary/medications/<int:medication_id>/delete/",
        views.medication_delete,
        name="medication_delete",
    ),
    path("diary/dogs/<int:dog_id>/episodes/new/", views.episode_new, name="episode_new"),
    path("diary/episodes/<int:episode_id>/", views.episode_detail, name="episode"),
    path("diary/episodes/<int:episode_id>/edit/", views.episode_edit, name="episode_edit"),
    path("diary/episodes/<int:episode_id>/delete/", views.episode_delete, name="episode_delete"),
    path("diary/episodes/<int:episode_id>/check/", views.episode_check, name="episode_check"),
    path("diary/episodes/<int:episode_id>/media/", views.episode_media, name="episode_media"),
    path("diary/dogs/<int:dog_id>/trends/", views.trends, name="trends"),
    path("diary/dogs/<int:dog_id>/chart.svg", views.chart_svg, name="chart"),
    path("diary/dogs/<int:dog_id>/report/", views.report_page, name="report"),
    path("diary/dogs/<int:dog_id>/report.pdf", views.report_pdf, name="report_pdf"),
    path("diary/dogs/<int:dog_id>/report/email/", views.report_email, name="report_email"),
    path(
        "diary/report-links/<int:link_id>/revoke/",
        views.report_link_revoke,
        name="report_link_revoke",
    ),
    path("diary/dogs/<int:dog_id>/sharing/", views.sharing, name="sharing"),
    path(
        "diary/dogs/<int:dog_id>/members/<int:user_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "diary/dogs/<int:dog_id>/invitations/<int:invitation_id>/cancel/",
        views.invitation_cancel,
        name="invitation_cancel",
    ),
    path("diary/invitations/<str:token>/", views.invitation, name="invitation"),
    path("diary/dogs/<int:dog_id>/episodes.csv", views.episodes_csv, name="episodes_csv"),
    path("diary/dogs/<int:dog_id>/import/", views.episodes_import, name="episodes_import"),
    path("diary/save-result/<str:result_id>/", views.result_save, name="result_save"),
    path("diary/account/", views.account, name="account"),
    path("diary/account/delete/", views.account_delete, name="account_delete"),
    path("diary/account/export.json", views.account_export, name="account_export"),
    # the vet's link: no account needed, until it expires or is revoked
    path("report/<str:token>/", views.report_shared, name="report_shared"),
]
