from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SEARCH_MAX_CHARS

YEAR_MIN, YEAR_MAX = 1930, 2100


class DocumentFilterForm(forms.Form):
    """The register's filters. Choices come from lists the view has already loaded, so the
    form adds no query of its own."""

    q = forms.CharField(label=_("Words to look for"), required=False, strip=True)
    type = forms.ChoiceField(label=_("Document type"), required=False)
    issuer = forms.ChoiceField(label=_("Issuing organisation"), required=False)
    year = forms.TypedChoiceField(label=_("Year issued"), required=False, coerce=int)

    def __init__(self, data, *, types, issuers, years):
        super().__init__(data)
        everything = [("", _("All of them"))]
        self.fields["type"].choices = everything + [(t.slug, t.name) for t in types]
        self.fields["issuer"].choices = everything + [(o.slug, o.name) for o in issuers]
        self.fields["year"].choices = everything + [(str(y), str(y)) for y in years]
        self.types = {t.slug: t for t in types}
        self.issuers = {o.slug: o for o in issuers}

    def clean_q(self):
        return self.cleaned_data["q"][:SEARCH_MAX_CHARS]  # as the site search: cut, not refused

    def filter(self, documents):
        """``documents`` narrowed by the valid filters."""
        data = self.cleaned_data
        if data.get("type"):
            documents = documents.of_type(self.types[data["type"]])
        if data.get("issuer"):
            documents = documents.issued_by(self.issuers[data["issuer"]])
        if data.get("year"):
            documents = documents.issued_in(data["year"])
        if data.get("q"):
            documents = documents.search(data["q"])
        return documents
