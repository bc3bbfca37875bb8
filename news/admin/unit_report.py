""" "Thống kê theo đơn vị": articles published per unit per month of a year, with the reads of
each unit's articles in that month, as an admin page and as an Excel workbook (the union's
offices count it in the yearly emulation, "thi đua").

Three queries whatever the archive holds: the year's published articles grouped by unit and
month (article_published_idx), the year's monthly read rows grouped by unit
(period_read_rank_idx), and the units.
"""

import datetime
import io
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organizations.models import Organization

from ..models import Article, ArticlePeriodRead, month_of
from .links import articles_published_url, daily_reads_url, month_start

# Editors and administrators hold it (organizations/roles.py): the figures are reads, which
# the site counts and only they see.
UNIT_REPORT_PERMISSION = "news.view_articleperiodread"
FIRST_YEAR = 2000
MONTHS = range(1, 13)
EXCEL_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UnitReportForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Year"),
        min_value=FIRST_YEAR,
        error_messages={
            "invalid": gettext_lazy("Enter a year, such as 2025."),
            "min_value": gettext_lazy("The report starts in %(limit_value)s."),
        },
    )

    def __init__(self, data, **kwargs):
        self.this_year = timezone.localdate().year
        if "year" not in data:  # the page as first opened: this year
            data = {"year": self.this_year}
        super().__init__(data, **kwargs)
        self.fields["year"].widget.attrs.update({"min": FIRST_YEAR, "max": self.this_year})
        self.fields["year"].error_messages["required"] = self.fields["year"].error_messages[
            "invalid"
        ]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > self.this_year:
            raise forms.ValidationError(
                _("There are no figures yet for years after %(year)s.") % {"year": self.this_year}
            )
        return year


@dataclass
class UnitLine:
    """One unit's row: (articles, reads) per month, and the year's totals."""

    name: str
    # The unit's id, None for the articles of no unit, "all" for the totals row.
    organization_id: object
    months: list = field(default_factory=lambda: [(0, 0) for _month in MONTHS])

    @property
    def articles(self):
        return sum(articles for articles, _reads in self.months)

    @property
    def reads(self):
        return sum(reads for _articles, reads in self.months)


def unit_report(year):
    """The lines of ``year``: each active unit (and any other with figures), the articles of
    no unit when there are some, then the totals."""
    published = Article.objects.published_between(
        month_start(year, 1), month_start(year + 1, 1)
    ).count_by_organization_and_month()
    periods = {month_of(month_start(year, month)): month for month in MONTHS}
    reads = {
        (unit, periods[period]): total
        for (unit, period), total in ArticlePeriodRead.objects.totals_by_organization(
            list(periods)
        ).items()
    }
    with_figures = {unit for unit, _month in (*published, *reads)}
    units = Organization.objects.filter(Q(is_active=True) | Q(pk__in=with_figures - {None}))
    lines = [UnitLine(unit.name, unit.pk) for unit in units.only("id", "name")]
    if None in with_figures:
        lines.append(UnitLine(_("No unit"), None))
    total = UnitLine(_("Total"), "all")
    for line in lines:
        line.months = [
            (published.get((line.organization_id, m), 0), reads.get((line.organization_id, m), 0))
            for m in MONTHS
        ]
    total.months = [
        (sum(line.months[i][0] for line in lines), sum(line.months[i][1] for line in lines))
        for i in range(len(MONTHS))
    ]
    return lines, total


def _with_links(year, line):
    """The line's figures for the page, each with the admin list it counts."""
    unit = line.organization_id
    reads_filter = (
        {}
        if unit == "all"
        else {"article__organization__isnull": "True"}
        if unit is None
        else {"article__organization__id__exact": unit}
    )

    def cell(articles, reads, start, end):
        last_day = timezone.localdate(end) - datetime.timedelta(days=1)
        return {
            "articles": articles,
            "articles_url": articles_published_url(start, end, unit),
            "reads": reads,
            "reads_url": daily_reads_url(timezone.localdate(start), last_day, **reads_filter),
        }

    months = [
        cell(articles, reads, month_start(year, month), month_start(year, month + 1))
        for month, (articles, reads) in zip(MONTHS, line.months, strict=True)
    ]
    year_cell = cell(line.articles, line.reads, month_start(year, 1), month_start(year + 1, 1))
    return {"name": line.name, "months": months, "year": year_cell}


def unit_report_workbook(year, lines, total):
    """The report as an .xlsx file's bytes: a heading, two header rows, a row per unit and
    the totals, in Vietnamese, with the first column as wide as the longest unit's name."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Year %(year)s") % {"year": year}
    bold, center = Font(bold=True), Alignment(horizontal="center", vertical="center")
    sheet.append([_("Articles published and reads per unit, %(year)s") % {"year": year}])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    months = [_("Month %(month)s") % {"month": month} for month in MONTHS]
    first_header = [_("Unit")]
    for heading in [*months, _("Whole year")]:
        first_header += [heading, None]
    sheet.append(first_header)
    sheet.append([None, *[_("Articles"), _("Reads")] * (len(MONTHS) + 1)])
    sheet.merge_cells(start_row=3, start_column=1, end_row=4, end_column=1)
    for index in range(len(MONTHS) + 1):
        column = 2 + index * 2
        sheet.merge_cells(start_row=3, start_column=column, end_row=3, end_column=column + 1)
    for row in sheet.iter_rows(min_row=3, max_row=4):
        for cell in row:
            cell.font, cell.alignment = bold, center
    for line in [*lines, total]:
        figures = [number for month in line.months for number in month]
        sheet.append([line.name, *figures, line.articles, line.reads])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    widest = max([len(line.name) for line in lines] + [len(_("Unit"))])
    sheet.column_dimensions["A"].width = min(max(widest + 2, 20), 60)
    for column in range(2, 2 + (len(MONTHS) + 1) * 2):
        sheet.column_dimensions[get_column_letter(column)].width = 11
    sheet.freeze_panes = "B5"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def unit_report_view(request, admin_site, *, excel=False):
    if not request.user.has_perm(UNIT_REPORT_PERMISSION):
        raise PermissionDenied
    form = UnitReportForm(request.GET)
    context = {
        **admin_site.each_context(request),
        "title": _("Statistics per unit"),
        "form": form,
    }
    if not form.is_valid():
        return render(request, "admin/news/unit_report.html", context, status=400)
    year = form.cleaned_data["year"]
    lines, total = unit_report(year)
    if excel:
        response = HttpResponse(unit_report_workbook(year, lines, total), content_type=EXCEL_TYPE)
        response["Content-Disposition"] = f'attachment; filename="thong-ke-theo-don-vi-{year}.xlsx"'
        return response
    context.update(
        year=year,
        months=MONTHS,
        lines=[_with_links(year, line) for line in lines],
        total=_with_links(year, total),
    )
    return render(request, "admin/news/unit_report.html", context)
