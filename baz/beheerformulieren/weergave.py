"""How the widgets of this package render: Django's own widget inside a template of ours.

Django's default form renderer looks for templates in the apps and in django/forms, not in the
project's templates/ folder, where this project keeps all its templates. So each widget has its
input rendered by the form's renderer from Django's own template (`template_name`, unchanged),
and puts that in `omhulsel` (templates/admin/widgets/...) rendered by the project's engine.
"""

from django.forms.widgets import Media
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

CSS = {"all": ["css/beheer-widgets.css"]}


def media(script: str | None = None) -> Media:
    return Media(css=CSS, js=[script] if script else [])


def veld_id(name: str, attrs: dict) -> str:
    """The input's id (BoundField gives one: "id_samenvatting"); the ids of the texts beside
    it are made from it."""
    return attrs.get("id") or f"id_{name}"


def beschreven_door(attrs: dict, *ids: str) -> None:
    """Add ids to the input's aria-describedby, after those BoundField put there (the help
    text, the error)."""
    bestaand = (attrs.get("aria-describedby") or "").split()
    attrs["aria-describedby"] = " ".join(dict.fromkeys([*bestaand, *ids]))


class Omhulsel:
    omhulsel: str

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        context = self.get_context(name, value, attrs)
        context["invoer"] = self._render(self.template_name, context, renderer)
        return SafeString(render_to_string(self.omhulsel, context))
