"""Korean and English, and presentation mode, through AppTest: the address and the
controls choose them; every key is in both tables."""

import re

from shallownet.ui.i18n import texts
from shallownet.ui.live import panel as panels
from tests.app.apptest import opened


def test_both_tables_have_the_same_keys_and_placeholders():
    assert texts.KO.keys() == texts.EN.keys()
    for key, en in texts.EN.items():
        fields = set(re.findall(r"\{(\w+)", en))
        assert set(re.findall(r"\{(\w+)", texts.KO[key])) == fields, key


def test_lang_in_the_address_gives_korean_and_the_buttons_keep_working():
    at = opened(lang="ko")
    assert at.title[0].value == texts.KO["playground.title"]
    labels = [b.label for b in at.button]
    for key in ("button.step", "button.play", "button.pause", "button.reset"):
        assert texts.KO[key] in labels
    [step] = [b for b in at.button if b.label == texts.KO["button.step"]]
    step.click().run()
    assert at.session_state["playground"].trainer.step_count == 1
    assert not at.info or "링크" not in at.info[0].value  # only page parameters: no link notice


def test_presentation_mode_moves_n1_alpha_the_activation_and_the_initialisation_into_the_page():
    at = opened(present="1")
    assert at.toggle(key="present").value is True
    main_keys = {w.key for w in at.main.slider} | {w.key for w in at.main.select_slider} | \
        {w.key for w in at.main.selectbox}
    assert {"setting.n1", "setting.alpha", "setting.activation", "setting.init"} <= main_keys
    assert "setting.n1" not in {w.key for w in at.sidebar.slider}
    assert "setting.init" not in {w.key for w in at.sidebar.selectbox}
    # zeros against random, on stage: the symmetry's lesson without the sidebar; the option says
    # random only (the initial scale, left in the sidebar, may be 10)
    assert at.selectbox(key="setting.init").options == [texts.EN["init.random"], texts.EN["init.zeros"]]
    assert "small" not in texts.EN["init.random"] and "작은" not in texts.KO["init.random"]
    at.selectbox(key="setting.init").set_value("zeros").run()
    assert at.session_state["playground"].settings.init == "zeros"
    assert not any(w.any() for w in at.session_state["playground"].trainer.params)
    at.selectbox(key="setting.init").set_value("random").run()
    for label in ("Step", "Play", "Pause", "Reset"):
        assert label in [b.label for b in at.main.button]
    at.slider(key="setting.n1").set_value(6).run()
    assert at.session_state["playground"].settings.n1 == 6
    assert "present" in {w.key for w in at.main.toggle}  # the sidebar is gone: the switch is in the page
    at.toggle(key="present").set_value(False).run()
    assert "setting.n1" in {w.key for w in at.sidebar.slider}
    assert "present" in {w.key for w in at.sidebar.toggle} and "present" not in {w.key for w in at.main.toggle}
    at.toggle(key="present").set_value(True).run()  # and back, from the sidebar
    assert "setting.n1" in {w.key for w in at.main.slider}


def _in_order(block) -> list:
    """The elements under ``block``, in the order the page shows them."""
    out = []
    for child in getattr(block, "children", {}).values():
        out.append(child)
        out.extend(_in_order(child))
    return out


def test_a_first_visit_in_presentation_mode_has_its_controls_above_the_buttons():
    """The Playground draws the sidebar after the live view (on a first visit a
    moment later: panels.wait_for_view) and everything above the view before it, so
    that nothing on the page moves when the sidebar comes: in presentation mode the
    switch, n1, alpha and the activation are above the buttons, and set the network."""
    at = opened(present="1", first_visit=True)
    names = [getattr(e, "key", None) or getattr(e, "label", None) for e in _in_order(at.main)]
    assert names.index("present") < names.index("setting.n1") < names.index("setting.activation") \
        < names.index("setting.init") < names.index("Step") < names.index("live")
    assert at.session_state[panels.STARTED_KEY] is True  # the first run had its wait
    at.slider(key="setting.n1").set_value(5).run()
    assert at.session_state["playground"].settings.n1 == 5


def _sidebar_top(at) -> list[tuple[str, str]]:
    """The sidebar's elements in order, as (type, label or text), up to its first
    subheader (where the page's own widgets start)."""
    out = []
    for e in _in_order(at.sidebar):
        if e.type == "subheader":
            break
        label = getattr(e, "label", None) or getattr(e, "value", None)
        if e.type == "page_link":
            label = e.proto.label
        if isinstance(label, str):
            out.append((e.type, label))
    return out


def test_the_sidebar_starts_with_the_pages_links_in_the_pages_language_then_the_switches():
    """Streamlit's navigation is hidden (app.py): the links are drawn by the app,
    on a first visit to the Playground after the view (router.run), and above the
    page's own widgets in every case."""
    for first_visit in (True, False):
        for lang, table in (("en", texts.EN), ("ko", texts.KO)):
            at = opened(lang=lang, first_visit=first_visit)
            top = _sidebar_top(at)
            links = [label for kind, label in top if kind == "page_link"]
            assert links == [table[f"page.{name}"] for name in (
                "playground", "equations", "one_iteration", "initialisation", "gradient_check", "hidden_units",
                "hidden_layer_size")], top
            assert top[0] == ("caption", table["nav.train"]) and ("caption", table["nav.lecture"]) in top
            kinds = [kind for kind, _ in top]
            assert kinds.index("button_group") > kinds.index("divider") > max(
                i for i, kind in enumerate(kinds) if kind == "page_link"), top
            assert "toggle" in kinds  # presentation mode's switch, under the language's


def test_a_lecture_page_has_the_same_links_above_its_widgets():
    at = opened()
    at.switch_page("pages/equations.py")
    at = at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == texts.EN["page.equations"]
    links = [label for kind, label in _sidebar_top(at) if kind == "page_link"]
    assert texts.EN["page.playground"] in links and texts.EN["page.equations"] in links
