from tests.browser.conftest import axe_overtredingen


def test_homepage_zonder_axe_overtredingen(pagina):
    pagina.goto("/")
    assert pagina.locator("h1").count() == 1
    assert axe_overtredingen(pagina) == []
