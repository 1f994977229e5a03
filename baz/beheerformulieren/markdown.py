"""A Markdown text area with a preview rendered by the server, as the public page renders it.

The button "Voorbeeld bekijken" is in the page but `hidden` until static/js/beheer-markdown.js
runs: without JavaScript there is no button that does nothing, and the form works as before.
The script sends the text (POST, with the form's CSRF token) to `views.voorbeeld`, which
renders it with `baz.tekst.markdown_naar_html` (Markdown, then nh3 with the tags the public
pages allow), and shows the result under the text area, announcing it in a live region.
"""

from django.contrib.admin.widgets import AdminTextareaWidget
from django.urls import reverse

from .weergave import Omhulsel, media, veld_id


class MarkdownMetVoorbeeld(Omhulsel, AdminTextareaWidget):
    omhulsel = "admin/widgets/markdown_met_voorbeeld.html"

    @property
    def media(self):
        return media("js/beheer-markdown.js")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["voorbeeld"] = {
            "id": f"{veld_id(name, context['widget']['attrs'])}_voorbeeld",
            "url": reverse("beheerformulieren:voorbeeld"),
        }
        return context
