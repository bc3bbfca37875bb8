from django import template
from django.utils.safestring import mark_safe

from visits.caching import visit_counter_html

register = template.Library()


@register.simple_tag
def visit_counter():
    """The footer's "Lượt truy cập" and the markup that counts this visit (drawn once a
    minute)."""
    return mark_safe(visit_counter_html())  # our template's output, escaped when drawn
