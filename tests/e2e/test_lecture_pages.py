"""Every page in a real browser, at a projector's 1280 x 720, in English and in
Korean: the lecture pages, and the Playground in Korean (its English run is
test_playground_live's). Each renders its title in its language, its figures and
no exception, shows none of the tables' English when in Korean, and a screenshot
of it is kept (benchmarks/out/page-<path>[-ko].png, and -full: all of the page)."""

import re

import pytest

from shallownet.ui.i18n import texts
from tests.e2e.helpers import PROJECTOR, app_page, button, no_streamlit_exception, wait_painted

PAGES = ["equations", "initialisation", "gradient_check", "hidden_units", "hidden_layer_size"]
LANGUAGES = ["en", "ko"]

# The English of the tables that no Korean text has in it (a name such as "ReLU"
# is the same in both and left out), cut at placeholders and HTML tags: none of
# it may be on a page in Korean.
_KOREAN = "\n".join(texts.KO.values())
ENGLISH_ONLY = sorted({part.strip() for key, text in texts.EN.items() if texts.KO[key] != text
                       for part in re.split(r"\{[^}]*\}|<[^>]*>", text)
                       if len(part.strip()) >= 5 and part.strip() not in _KOREAN})


def english_on(page, frame=None) -> list[str]:
    """The tables' English in the text of the page (plotly's SVG included) and of the
    live view's ``frame`` if given."""
    shown = page.locator("body").inner_text() + "\n" + (frame.locator("body").inner_text() if frame else "")
    return [e for e in ENGLISH_ONLY if e in shown]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_a_lecture_page_renders_its_figures_and_no_exception(browser, app_url, screenshot, path, lang):
    table = texts.TABLES[lang]
    suffix = "" if lang == "en" else f"-{lang}"
    with app_page(browser, app_url, address=f"/{path}?lang={lang}", window=PROJECTOR) as page:
        page.get_by_role("heading", name=table[f"page.{path}"]).first.wait_for(timeout=60_000)
        sweep = path == "hidden_layer_size"
        if sweep:
            # its figures come from the sweep of seven networks, which this button
            # starts: once, in English; in Korean the page is only opened
            train = page.get_by_role("button", name=table["size.button.train"])
            train.wait_for(timeout=60_000)
            if lang == "en":
                train.click()
        if not sweep or lang == "en":
            # every page has at least one plotly figure, drawn by plotly.js
            page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(timeout=120_000 if sweep else 60_000)
            assert page.locator("[data-testid=stPlotlyChart]").count() >= 1
        page.wait_for_timeout(1500)
        no_streamlit_exception(page)
        if lang == "ko":
            assert not english_on(page)
        screenshot(page, f"page-{path}{suffix}")
        screenshot(page, f"page-{path}{suffix}-full", whole=True)


def test_the_playground_in_korean_draws_its_live_view_in_korean(browser, app_url, screenshot):
    ko = texts.KO
    with app_page(browser, app_url, address="/?lang=ko", window=PROJECTOR) as page:
        page.get_by_role("heading", name=ko["playground.title"]).wait_for(timeout=60_000)
        frame = wait_painted(page)
        for label in ("button.step", "button.play", "button.pause", "button.reset"):
            button(page, ko[label]).wait_for(timeout=15_000)
        # its figures: the live view's three, drawn by plotly.js with the Korean titles
        for chart, title in (("boundary", "fig.boundary"), ("cost", "fig.cost"), ("grads", "fig.grads")):
            assert frame.locator(f"#{chart}-plot .main-svg").count() >= 1, chart
            assert ko[title] in frame.locator(f"#{chart}").inner_text(), chart
        assert frame.locator("[data-testid=metric-step] .label").inner_text() == ko["metric.step"]
        assert frame.locator("[data-testid=metric-cost_train] .label").inner_text() == ko["metric.cost_train"]
        no_streamlit_exception(page)
        assert not english_on(page, frame)
        screenshot(page, "page-playground-ko")
        # and the page's own panel, opened
        page.get_by_text(ko["exchange.title"]).click()
        page.get_by_text(ko["click.class"]).wait_for(timeout=10_000)
        page.wait_for_timeout(1000)
        no_streamlit_exception(page)
        assert not english_on(page, frame)
        screenshot(page, "page-playground-ko-full", whole=True)
