"""The article list's own filters: its state, and "my articles"."""

from django.contrib import admin
from django.utils.translation import gettext_lazy

from ..models import Article


class StateFilter(admin.SimpleListFilter):
    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Article.State.choices

    def queryset(self, request, queryset):
        if self.value() in Article.State.values:
            return queryset.in_state(self.value())
        return queryset


class AuthorFilter(admin.SimpleListFilter):
    """ "My articles": what the person signed in wrote (the dashboard's "My drafts")."""

    title = gettext_lazy("author")
    parameter_name = "author"

    def lookups(self, request, model_admin):
        return [("me", gettext_lazy("Mine"))]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(created_by=request.user)
        return queryset
