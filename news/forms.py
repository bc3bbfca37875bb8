from django import forms


class SearchForm(forms.Form):
    """The reader's query. Any text is accepted; news.search caps and splits it into words."""

    # No max_length: an over-long query is cut (and the reader told so), not refused.
    q = forms.CharField(required=False)
