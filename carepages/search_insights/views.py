"""The editors' report of what patients searched, and the one-click actions on it."""

from datetime import date, timedelta

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.http import urlencode
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions import views as promotion_views
from wagtail.contrib.search_promotions.models import Query

from .models import WeeklySearch

#: The vocabulary's LayTerm snippet (carepages/vocabulary): its add form fills `term` from `?term=`.
VOCABULARY_ADD_URL_NAME = "wagtailsnippets_vocabulary_layterm:add"

RESULT_CHOICES = [
    ("unanswered", "Zonder of met weinig resultaten"),
    ("none", "Zonder resultaten"),
]


def week_label(monday: date) -> str:
    sunday = monday + timedelta(days=6)
    return f"week {monday.isocalendar().week}: {monday:%d/%m/%Y} – {sunday:%d/%m/%Y}"


def _week_choices():
    weeks = WeeklySearch.objects.order_by("-week").values_list("week", flat=True).distinct()
    return [(monday.isoformat(), week_label(monday)) for monday in weeks]


class WeeklySearchFilterSet(WagtailFilterSet):
    week = ChoiceFilter(label="Week", choices=_week_choices, empty_label=None)
    results = ChoiceFilter(label="Resultaten", choices=RESULT_CHOICES, method="filter_results")

    class Meta:
        model = WeeklySearch
        fields = []

    def filter_results(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "none":
            return queryset.filter(without_results__gt=0)
        return queryset.filter(Q(without_results__gt=0) | Q(poor_results__gt=0))


def vocabulary_add_url(query: str) -> str:
    return f"{reverse(VOCABULARY_ADD_URL_NAME)}?{urlencode({'term': query})}"


def promotion_url(query: str, promotion_id: int | None) -> str:
    """The promotions of this query when it has some, else a new promotion with the query filled in."""
    if promotion_id is not None:
        return reverse("wagtailsearchpromotions:edit", args=[promotion_id])
    return f"{reverse('search_insights:promote')}?{urlencode({'q': query})}"


class ActionsColumn(Column):
    cell_template_name = "search_insights/actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["vocabulary_url"] = vocabulary_add_url(instance.query)
        context["promotion_url"] = promotion_url(instance.query, instance.promotion_id)
        return context


class WeeklySearchReportView(ReportView):
    model = WeeklySearch
    permission_required = "view"
    page_title = "Zoekopdrachten van patiënten"
    header_icon = "search"
    filterset_class = WeeklySearchFilterSet
    index_url_name = "search_insights:report"
    index_results_url_name = "search_insights:report_results"
    default_ordering = "-searches"
    paginate_by = 50
    columns = [
        Column("query", label="Zoekopdracht", sort_key="query"),
        NumberColumn("searches", label="Keer gezocht", sort_key="searches"),
        NumberColumn("without_results", label="Zonder resultaten", sort_key="without_results"),
        NumberColumn("poor_results", label="Weinig resultaten", sort_key="poor_results"),
        ActionsColumn("actions", label="Verbeteren", accessor="query"),
    ]
    list_export = ["week", "query", "searches", "without_results", "poor_results"]
    export_headings = {
        "week": "Week (maandag)",
        "query": "Zoekopdracht",
        "searches": "Keer gezocht",
        "without_results": "Zonder resultaten",
        "poor_results": "Weinig resultaten",
    }

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if not self.request.GET.get("week"):
            # A report is of one week: the latest with searches, unless the editor picks another.
            latest = WeeklySearch.objects.order_by("-week").values_list("week", flat=True).first()
            if latest is not None:
                data = self.request.GET.copy()
                data["week"] = latest.isoformat()
                kwargs["data"] = data
        return kwargs

    def get_base_queryset(self):
        # Each row links to its query's promotions when it has some: found in the same query.
        promotions = Query.objects.filter(query_string=OuterRef("query"), editors_picks__isnull=False)
        return super().get_base_queryset().annotate(promotion_id=Subquery(promotions.values("pk")[:1]))

    def order_queryset(self, queryset):
        # Equal counts: alphabetical, so the order is stable from one visit to the next.
        return super().order_queryset(queryset).order_by(self.ordering, "query")


class PromoteView(promotion_views.CreateView):
    """Wagtail's form for a new promotion, with the query from the report filled in (?q=)."""

    def get_initial(self):
        initial = super().get_initial()
        query = self.request.GET.get("q", "").strip()
        if query:
            initial["query_string"] = query
        return initial
