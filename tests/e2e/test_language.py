"""Korean and English in a real browser: the switch changes every text, the live
view's numbers' labels included, and the buttons keep working."""

from live_app import frame_of, step_value

from shallownet.ui.i18n import texts


def test_switching_to_korean_changes_the_page_and_the_live_view(page):
    frame = frame_of(page)
    frame.wait_for_selector("#charts[data-drawn]", state="attached", timeout=30_000)
    page.locator("[data-testid=stSidebar]").get_by_text("한국어").click()
    page.get_by_role("heading", name=texts.KO["playground.title"]).wait_for(timeout=15_000)
    frame.locator("[data-testid=metric-step] .label", has_text=texts.KO["metric.step"]).wait_for(timeout=15_000)
    assert "lang=ko" in page.url
    page.get_by_role("button", name=texts.KO["button.step"], exact=True).click()
    frame.locator('[data-testid=metric-step] .value[data-value="1"]').wait_for(timeout=10_000)
    assert step_value(frame) == 1
    assert page.locator("[data-testid=stException]").count() == 0
