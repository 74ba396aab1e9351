from django.urls import path

from . import views

app_name = "search_insights"
urlpatterns = [
    path("", views.WeeklySearchReportView.as_view(), name="report"),
    path("resultaten/", views.WeeklySearchReportView.as_view(results_only=True), name="report_results"),
    path("aanbevelen/", views.PromoteView.as_view(), name="promote"),
]
