"""Every lecture page in a real browser, at a projector's 1280 x 720: it renders
its figures and no exception, and a screenshot of it is kept (benchmarks/out/)."""

import pytest

PAGES = [
    ("equations", "Equations"),
    ("initialisation", "Initialisation"),
    ("gradient_check", "Gradient check"),
    ("hidden_units", "Hidden units"),
    ("hidden_layer_size", "Hidden-layer size"),
]


@pytest.mark.parametrize("path, title", PAGES)
def test_a_lecture_page_renders_its_figures_and_no_exception(browser, app_url, path, title):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{app_url}/{path}")
        page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
        if path == "hidden_layer_size":
            # its figures come from the sweep, which a button starts
            page.get_by_role("button", name="Train these sizes").click()
            page.get_by_text("Logistic regression").first.wait_for(timeout=120_000)
        # every page has at least one plotly figure, drawn by plotly.js
        page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        assert page.locator("[data-testid=stException]").count() == 0
        assert page.locator("[data-testid=stPlotlyChart]").count() >= 1
        from conftest import SCREENSHOTS

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"page-{path}.png"))
        page.screenshot(path=str(SCREENSHOTS / f"page-{path}-full.png"), full_page=True)
    finally:
        context.close()
    assert not errors, errors
