from django import template
from django.urls import reverse

from inspiraties.gemeenten import gemeente_slug

register = template.Library()


@register.filter
def gemeente_url(gemeente) -> str:
    """/gemeenten/<slug>/ of a Gemeente."""
    return reverse("gemeente", args=[gemeente_slug(gemeente)]) if gemeente else ""
