"""The forms that read readers' request input (the search box, old-site links)."""

from django import forms


class SearchForm(forms.Form):
    """The reader's query. Any text is accepted; news.search caps and splits it into words."""

    # No max_length: an over-long query is cut (and the reader told so), not refused.
    q = forms.CharField(required=False)


class LegacyLinkForm(forms.Form):
    """``news.php?id=<old id>``: a whole number in the range of Article.legacy_id, or nothing."""

    id = forms.IntegerField(min_value=0, max_value=2_147_483_647)
