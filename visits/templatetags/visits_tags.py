from django import template
from django.urls import reverse

from visits.caching import visit_figures

register = template.Library()


@register.inclusion_tag("visits/includes/visit_counter.html")
def visit_counter():
    """The footer's "Lượt truy cập" and the markup that counts this visit."""
    return {"figures": visit_figures(), "url": reverse("visits:visit")}
