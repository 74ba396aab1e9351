from django.urls import path

from . import admin_views

app_name = "feedback"
urlpatterns = [
    path("", admin_views.FeedbackPerPageView.as_view(), name="report"),
    path("resultaten/", admin_views.FeedbackPerPageView.as_view(results_only=True), name="report_results"),
    path("antwoorden/", admin_views.FeedbackAnswersView.as_view(), name="answers"),
    path(
        "antwoorden/resultaten/",
        admin_views.FeedbackAnswersView.as_view(results_only=True),
        name="answers_results",
    ),
]
