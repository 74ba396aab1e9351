"""The editors' view of the feedback: per page the share of "nuttig", and the answers with comments."""

from django.db.models import Count, F, IntegerField, Q, QuerySet
from django.db.models.expressions import ExpressionWrapper
from django.urls import reverse
from django_filters import BooleanFilter, ChoiceFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from .models import Feedback
from .viewsets import PERMISSION_POLICY, feedback_viewset

ANSWER_CHOICES = [("ja", "Ja"), ("nee", "Nee")]


class EditColumn(Column):
    """A link to redact or delete the answer, for editors who may change feedback."""

    cell_template_name = "feedback/edit_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        user = parent_context["request"].user
        if PERMISSION_POLICY.user_has_any_permission(user, ["change", "delete"]):
            context["edit_url"] = reverse(feedback_viewset.get_url_name("edit"), args=[instance.pk])
        return context


def comments_url(page_id: int) -> str:
    return f"{reverse('feedback:answers')}?pagina={page_id}"


class FeedbackPerPageView(ReportView):
    """One row per page with answers: how many, how many said yes, and the share of "nuttig"."""

    model = Page
    permission_policy = PERMISSION_POLICY
    permission_required = "view"
    page_title = "Feedback per pagina"
    header_icon = "comment"
    index_url_name = "feedback:report"
    index_results_url_name = "feedback:report_results"
    default_ordering = "-answers"
    columns = [
        TitleColumn("title", label="Pagina", sort_key="title", get_url=lambda page: comments_url(page.pk)),
        NumberColumn("answers", label="Antwoorden", sort_key="answers"),
        NumberColumn("useful", label="Nuttig", sort_key="useful"),
        NumberColumn("share", label="% nuttig", sort_key="share"),
        NumberColumn("comments", label="Opmerkingen", sort_key="comments"),
    ]
    list_export = ["title", "url", "answers", "useful", "share", "comments"]
    export_headings = {
        "title": "Pagina",
        "url": "Adres",
        "answers": "Antwoorden",
        "useful": "Nuttig",
        "share": "% nuttig",
        "comments": "Opmerkingen",
    }

    def get_base_queryset(self) -> QuerySet:
        pages = Page.objects.annotate(
            answers=Count("feedback"),
            useful=Count("feedback", filter=Q(feedback__useful=True)),
            comments=Count("feedback", filter=~Q(feedback__comment="")),
        ).filter(answers__gt=0)
        # Whole percents rounded half up, in integer arithmetic (the same on SQLite and PostgreSQL).
        share = (F("useful") * 200 + F("answers")) / (F("answers") * 2)
        return pages.annotate(share=ExpressionWrapper(share, output_field=IntegerField()))

    def order_queryset(self, queryset):
        return super().order_queryset(queryset).order_by(self.ordering, "title", "pk")


def _pages_with_feedback(request):
    return Page.objects.filter(feedback__isnull=False).distinct().order_by("title")


class FeedbackFilterSet(WagtailFilterSet):
    pagina = ModelChoiceFilter(label="Pagina", field_name="page", queryset=_pages_with_feedback)
    antwoord = ChoiceFilter(label="Antwoord", choices=ANSWER_CHOICES, method="filter_answer")
    met_opmerking = BooleanFilter(label="Met opmerking", method="filter_commented")

    class Meta:
        model = Feedback
        fields = []

    def filter_answer(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(useful=value == "ja")

    def filter_commented(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.exclude(comment="") if value else queryset.filter(comment="")


class FeedbackAnswersView(ReportView):
    """Every answer, newest first: the day, the page, yes or no, and the (scrubbed) comment."""

    model = Feedback
    permission_policy = PERMISSION_POLICY
    permission_required = "view"
    page_title = "Feedback: antwoorden en opmerkingen"
    header_icon = "comment"
    filterset_class = FeedbackFilterSet
    index_url_name = "feedback:answers"
    index_results_url_name = "feedback:answers_results"
    default_ordering = "-day"
    columns = [
        # Only the day is kept: a plain date, not Wagtail's "9 uur geleden" which suggests a time.
        Column("day", label="Dag", accessor="day_label", sort_key="day"),
        Column("page", label="Pagina", accessor="page.title"),
        Column("answer", label="Nuttig?"),
        Column("comment", label="Opmerking"),
        EditColumn("edit", label="Aanpassen", accessor="pk"),
    ]
    list_export = ["day_label", "page.title", "page.url", "answer", "comment"]
    export_headings = {
        "day_label": "Dag",
        "page.title": "Pagina",
        "page.url": "Adres",
        "answer": "Nuttig?",
        "comment": "Opmerking",
    }

    def get_base_queryset(self) -> QuerySet:
        return super().get_base_queryset().select_related("page")

    def order_queryset(self, queryset):
        return super().order_queryset(queryset).order_by(self.ordering, "-pk")
