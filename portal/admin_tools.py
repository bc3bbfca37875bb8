"""Shared pieces of the admin: hostile query strings and form values get a message, not a 500."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q
from django.forms import ModelMultipleChoiceField
from django.utils.translation import override as translation_override

from portal.text import fold_vi


class SafeDateChangeList(ChangeList):
    """A date-hierarchy year or month out of range ("?published_at__year=99999") shows the
    list's "invalid filter" notice instead of a 500: Django catches only some errors there."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


class _ValidChoicesOnly:
    """When a form comes back with errors, Django's autocomplete widget looks the posted ids
    up in the database as they are: "abc" or an id too large for the column is a 500. Ids
    that cannot exist are left out; the field's own error message says what was wrong."""

    def optgroups(self, name, value, attr=None):
        pk = self.choices.queryset.model._meta.pk
        low, high = connection.ops.integer_field_range(pk.get_internal_type())
        valid = []
        for item in value:
            try:
                number = pk.to_python(item)
            except ValidationError:
                continue
            if not isinstance(number, int) or (low <= number and (high is None or number <= high)):
                valid.append(item)
        return super().optgroups(name, valid, attr)


class SafeAutocompleteSelect(_ValidChoicesOnly, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_ValidChoicesOnly, AutocompleteSelectMultiple):
    pass


class SafeModelMultipleChoiceField(ModelMultipleChoiceField):
    """An id too large for the column is an "invalid value" error, not a 500 (SQLite)."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except OverflowError as error:
            raise ValidationError(
                self.error_messages["invalid_pk_value"],
                code="invalid_pk_value",
                params={"pk": max(value, key=len)[:30]},
            ) from error


def _field_msgid(form, name):
    try:
        return str(form._meta.model._meta.get_field(name).verbose_name)
    except Exception:  # a form-only field
        return str(form.fields[name].label or name) if name in form.fields else name


def folded_search(queryset, search_term, *, fields=(), folded_fields=()):
    """Rows of ``queryset`` holding every word of ``search_term``, blind to case and
    Vietnamese diacritics ("doan thanh nien" finds "Đoàn Thanh niên"), folded by
    portal.text.fold_vi like the public search, so it behaves the same on every database.

    ``folded_fields`` are columns that already hold fold_vi() of the text (large tables:
    articles); otherwise the ``fields`` of the rows are folded here, which suits the small
    tables editors pick from (categories, tags, sources, organisations).
    """
    words = fold_vi(search_term).split()
    if not words:
        return queryset
    if folded_fields:
        condition = Q()
        for word in words:
            any_field = Q()
            for field in folded_fields:
                any_field |= Q(**{f"{field}__contains": word})
            condition &= any_field
        return queryset.filter(condition)
    matching = set()
    for pk, *values in queryset.values_list("pk", *fields).iterator():
        text = fold_vi(" ".join(str(v) for v in values if v is not None))
        if all(word in text for word in words):
            matching.add(pk)
    return queryset.filter(pk__in=matching)


class SafeModelAdmin(admin.ModelAdmin):
    # Columns holding fold_vi() of the searched text; empty: the search_fields are folded.
    folded_search_fields = ()

    def construct_change_message(self, request, form, formsets, add=False):
        """History says which fields changed in the reader's language: Django stores each
        form label in English ("Body"), which no catalogue translates; the model field's
        verbose name ("body") is a msgid of ours, translated when the history is shown."""
        message = super().construct_change_message(request, form, formsets, add)
        with translation_override(None):
            for entry in message:
                changed = entry.get("changed")
                if changed and "fields" in changed and "object" not in changed:
                    changed["fields"] = [_field_msgid(form, name) for name in form.changed_data]
        return message

    def get_search_results(self, request, queryset, search_term):
        """The admin's search box and every autocomplete that looks rows up here."""
        fields = [f.lstrip("^=@") for f in self.get_search_fields(request)]
        if not search_term.strip() or not (fields or self.folded_search_fields):
            return queryset, False
        found = folded_search(
            queryset, search_term, fields=fields, folded_fields=self.folded_search_fields
        )
        return found, False

    def get_changelist(self, request, **kwargs):
        return SafeDateChangeList

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            using = kwargs.get("using")
            kwargs["widget"] = SafeAutocompleteSelect(db_field, self.admin_site, using=using)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", SafeModelMultipleChoiceField)
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            using = kwargs.get("using")
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=using
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class CountsAdmin(SafeModelAdmin):
    """Figures the site counts (clicks, visits): shown to administrators, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
