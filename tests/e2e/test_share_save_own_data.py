"""Share, save and your own data, in a real browser: a point added by a click, the
downloads, the uploads with their messages, and a share link opened elsewhere."""

import json
import time

from live_app import step_value

from shallownet.core.settings import Settings
from shallownet.core.trainer import Trainer
from shallownet.formats import files
from shallownet.formats import links as share
from tests.e2e.helpers import app_page, wait_painted


def open_exchange(page):
    page.get_by_text("Share, save and your own data").click()
    page.get_by_text("A click on the plane adds a point of").wait_for(timeout=10_000)


def points(frame):
    return frame.locator("#boundary-plot .scatterlayer .point").count()


def test_a_click_on_the_plane_adds_a_point_that_survives_a_change_of_n1(page, screenshot):
    frame = wait_painted(page, picture=False)
    open_exchange(page)
    assert points(frame) == 400
    page.get_by_text("class 1 (blue)").click()
    time.sleep(1.0)
    canvas = frame.locator("#boundary-layer")
    canvas.scroll_into_view_if_needed()
    time.sleep(0.3)
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.1, box["y"] + box["height"] * 0.1)  # top left
    frame.wait_for_function("() => document.querySelectorAll('#boundary-plot .scatterlayer .point').length === 401",
                            timeout=15_000)
    page.get_by_text("1 point(s) added by clicking.").wait_for(timeout=10_000)
    # a change of n1: a new network, the same points
    slider = page.locator("[data-testid=stSlider]", has_text="Hidden units n1").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")
    page.get_by_text("New network: Hidden units n1 changed").wait_for(timeout=10_000)
    frame.wait_for_function("() => document.querySelectorAll('#boundary-plot .scatterlayer .point').length === 401",
                            timeout=15_000)
    screenshot(page, "playground-clicked-point")
    page.get_by_role("button", name="Undo point").click()
    frame.wait_for_function("() => document.querySelectorAll('#boundary-plot .scatterlayer .point').length === 400",
                            timeout=15_000)


def test_downloads_and_uploads_round_trip_and_a_bad_file_is_named(page, tmp_path):
    frame = wait_painted(page, picture=False)
    page.get_by_role("button", name="×100").click()
    frame.locator('[data-testid=metric-step] .value[data-value="100"]').wait_for(timeout=10_000)
    open_exchange(page)
    saved = {}
    for label in ("Parameters (JSON)", "History (CSV)", "Data (CSV)", "Boundary (PNG)"):
        with page.expect_download(timeout=20_000) as info:
            page.get_by_role("button", name=label, exact=True).click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        saved[label] = path
    doc = files.params_from_json(saved["Parameters (JSON)"].read_bytes())
    reference = Trainer(Settings())
    reference.step(100)
    assert doc.step == 100 and doc.settings == Settings()
    for a, b in zip(doc.params, reference.params):
        assert (a == b).all()
    assert saved["History (CSV)"].read_text().count("\n") == 102  # header + steps 0..100
    assert files.data_from_csv(saved["Data (CSV)"].read_bytes()).X.shape == (2, 400)
    assert saved["Boundary (PNG)"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # go on 100 more steps, then load the file: back to step 100, the same network
    page.get_by_role("button", name="×100").click()
    frame.locator('[data-testid=metric-step] .value[data-value="200"]').wait_for(timeout=10_000)
    uploads = page.locator("[data-testid=stFileUploaderDropzoneInput]")
    uploads.nth(0).set_input_files(str(saved["Parameters (JSON)"]))
    page.get_by_text("its network at step 100").wait_for(timeout=15_000)
    frame.locator('[data-testid=metric-step] .value[data-value="100"]').wait_for(timeout=10_000)

    # a bad data file: its line and problem named, the data on screen unchanged
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n0.1,0.2,0\n0.3,oops,1\n")
    uploads.nth(1).set_input_files(str(bad))
    page.get_by_text("line 3: x1 and x2 must be numbers").wait_for(timeout=15_000)
    assert points(frame) == 400

    # a good one: trained on, its labels mapped and said
    good = tmp_path / "mine.csv"
    good.write_text("".join(f"{i / 7:.3f},{(i * 3 % 11) / 5:.3f},{'a' if i % 2 else 'b'}\n" for i in range(60)))
    uploads.nth(1).set_input_files(str(good))
    page.get_by_text("its labels became classes: a → 0, b → 1").wait_for(timeout=15_000)
    frame.wait_for_function("() => document.querySelectorAll('#boundary-plot .scatterlayer .point').length === 60",
                            timeout=15_000)


def test_a_share_link_opened_elsewhere_shows_the_same_numbers(browser, app_url):

    s = Settings(dataset="xor", n1=5, alpha=0.82, seed=3)
    query = "&".join(f"{k}={v}" for k, v in share.to_query(s, 250).items())
    reference = Trainer(s)
    reference.step(250)
    with app_page(browser, app_url) as page:
        page.goto(app_url + "/?" + query)
        frame = wait_painted(page, picture=False)
        frame.locator('[data-testid=metric-step] .value[data-value="250"]').wait_for(timeout=20_000)
        assert step_value(frame) == 250
        shown = frame.locator("[data-testid=metric-cost_train] .value").get_attribute("data-value")
        assert shown == f"{reference.latest.cost_train:.4f}"
        page.get_by_text("Opened from a link").wait_for(timeout=10_000)
        # a tampered parameter is named, not an error page
        page.goto(app_url + "/?n1=-5&alpha=abc")
        wait_painted(page, picture=False)
        page.get_by_text("n1 = -5 was ignored").wait_for(timeout=10_000)
        page.get_by_text("alpha = abc was ignored").wait_for(timeout=10_000)
        assert json.dumps(page.locator("[data-testid=stException]").count()) == "0"
