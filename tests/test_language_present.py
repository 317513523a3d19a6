"""Korean and English, and presentation mode, through AppTest: the address and the
controls choose them; every key is in both tables."""

import re

from apptest import opened

from shallownet.ui import texts


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


def test_presentation_mode_moves_n1_alpha_and_the_activation_into_the_page():
    at = opened(present="1")
    assert at.toggle(key="present").value is True
    main_keys = {w.key for w in at.main.slider} | {w.key for w in at.main.select_slider} | \
        {w.key for w in at.main.selectbox}
    assert {"setting.n1", "setting.alpha", "setting.activation"} <= main_keys
    assert "setting.n1" not in {w.key for w in at.sidebar.slider}
    for label in ("Step", "Play", "Pause", "Reset"):
        assert label in [b.label for b in at.main.button]
    at.slider(key="setting.n1").set_value(6).run()
    assert at.session_state["playground"].settings.n1 == 6
    at.toggle(key="present").set_value(False).run()
    assert "setting.n1" in {w.key for w in at.sidebar.slider}
