"""The core (`baz/`) imports no app: the apps build on the core, never the other way round.

Only the project's own glue may: the settings and the URLs name the apps, the pages that compose
them (the home page in baz/views.py) and the demo loader with its content. Everything else the
core needs from an app, the app registers (its `persoonsgegevens` module, as admin.py for the
admin). Read with ast, so a lazy import inside a function counts too.
"""

import ast
from pathlib import Path

KERN = Path(__file__).resolve().parent.parent / "baz"
APPS = {"inspiraties", "workshops", "netwerken", "jaarcijfers", "inspiratiemateriaal"}

# The glue, and why it may import apps.
TOEGELATEN = {
    "settings.py": "INSTALLED_APPS and the authentication backend name the apps",
    "urls.py": "includes every app's URLs",
    "views.py": "the home page shows inspiraties and sessions side by side",
    "management/commands/demo.py": "loads every app's demo content",
}
TOEGELATEN_MAPPEN = {"demo": "the demo content, for `make run` only"}


def app_imports(pad: Path) -> list[str]:
    """Every import of an app in this file: 'regel 12: workshops.models'."""
    gevonden = []
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))):
        namen = []
        if isinstance(knoop, ast.Import):
            namen = [alias.name for alias in knoop.names]
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            namen = [knoop.module]
        elif (
            isinstance(knoop, ast.Call)
            and getattr(knoop.func, "id", getattr(knoop.func, "attr", "")) == "import_module"
            and knoop.args
            and isinstance(knoop.args[0], ast.Constant)
            and isinstance(knoop.args[0].value, str)
        ):
            namen = [knoop.args[0].value]
        gevonden += [
            f"regel {knoop.lineno}: {naam}" for naam in namen if naam.split(".")[0] in APPS
        ]
    return gevonden


def test_de_kern_importeert_geen_app():
    overtredingen = []
    for pad in sorted(KERN.rglob("*.py")):
        relatief = pad.relative_to(KERN).as_posix()
        if relatief in TOEGELATEN or relatief.split("/")[0] in TOEGELATEN_MAPPEN:
            continue
        overtredingen += [f"baz/{relatief}, {regel}" for regel in app_imports(pad)]
    assert not overtredingen, "De kern importeert een app:\n" + "\n".join(overtredingen)


def test_de_toegelaten_bestanden_bestaan_nog():
    """An allow-list entry for a file that is gone would silently allow its successor."""
    for relatief in TOEGELATEN:
        assert (KERN / relatief).is_file(), relatief
    for map_ in TOEGELATEN_MAPPEN:
        assert (KERN / map_).is_dir(), map_


def test_de_controle_ziet_elke_vorm(tmp_path):
    bestand = tmp_path / "voorbeeld.py"
    bestand.write_text(
        "import workshops.models\n"
        "from netwerken import services\n"
        "from .inspiraties import x\n"  # relative: baz.inspiraties, not the app
        "def f():\n"
        "    from inspiraties.models import Inspiratie\n"
        "    importlib.import_module('workshops.persoonsgegevens')\n"
    )
    assert app_imports(bestand) == [
        "regel 1: workshops.models",
        "regel 2: netwerken",
        "regel 5: inspiraties.models",
        "regel 6: workshops.persoonsgegevens",
    ]
