"""The One iteration page through Streamlit's AppTest: the lecture's loop a stage at
a time with Next and Back, the session's numbers at each stage, and the last Next
applying the update as the Playground's Step does."""

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from shallownet.core.settings import Settings
from shallownet.lecture import one_iteration as loop
from shallownet.lecture.equations import matrix_latex, number_latex
from shallownet.ui.i18n import texts
from shallownet.ui.session import Playground
from tests.app.apptest import APP, opened, page_script, playground_of, run

PAGE = page_script("one_iteration")


def latex_shown(at) -> str:
    return "\n".join(e.value for e in at.latex)


def click(at, key):
    [button] = [b for b in at.button if b.key == key]
    return run(button.click())


def stage_title(at) -> str:
    return at.subheader[1].value  # the loop's title comes first


def test_next_and_back_walk_the_four_stages_and_the_loop_shows_where():
    at = opened(PAGE)
    en = texts.TABLES["en"]
    for k, stage in enumerate(loop.STAGES):
        assert stage_title(at) == en[f"iter.stage.{stage}"]
        loop_latex = at.latex[0].value
        # the stage's rows of the loop in the highlight, every other stage's dimmed
        for s, row in loop.LOOP:
            if s is not None:
                colour = loop.HIGHLIGHT if s == stage else loop.DIMMED
                assert rf"\textcolor{{{colour}}}{{{row}}}" in loop_latex, (stage, s)
        assert [b for b in at.button if b.key == "iter.back"][0].disabled == (k == 0)
        if k < len(loop.STAGES) - 1:
            at = click(at, "iter.next")
    assert [b for b in at.button if b.key == "iter.next"][0].label == en["iter.apply"].format(step="1")
    at = click(at, "iter.back")
    assert stage_title(at) == en["iter.stage.backward"]
    assert playground_of(at).trainer.step_count == 0  # going back changes nothing


def test_the_forward_stage_writes_the_small_networks_parameters_in_full():
    at = opened(PAGE)
    p = playground_of(at).trainer.params
    shown = latex_shown(at)
    for a in p:
        assert matrix_latex(a, max_rows=8, max_cols=8, digits=4, factor=True) in shown
    assert r"\vdots" not in at.latex[1].value and r"\cdots" not in at.latex[1].value
    # the (n1, m) matrices: the first examples' columns and the chosen one
    it = loop.iteration(p, *playground_of(at).trainer.data[:2], "tanh", 1.2)
    assert matrix_latex(it.Z1[:, [0, 1, 2]], max_rows=8, max_cols=3, digits=4, factor=True) in shown


def test_a_big_network_is_cut_not_written_out():
    at = opened(PAGE, playground=Playground(Settings(n1=20)))
    assert r"\vdots" in at.latex[1].value


def test_the_cost_stage_shows_the_playgrounds_j():
    playground = Playground()
    playground.step(25)
    at = opened(PAGE, playground=playground)
    at = click(at, "iter.next")
    J = playground.trainer.latest.cost_train
    assert f"= {number_latex(J, 6)}" in latex_shown(at)
    assert r"\mathcal{L}(a, y)" in latex_shown(at)


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu", "leaky_relu", "linear"])
def test_backward_names_g1_prime_for_the_activation_and_logistic_regression(activation):
    at = opened(PAGE, playground=Playground(Settings(activation=activation)))
    at = click(click(at, "iter.next"), "iter.next")
    shown = latex_shown(at)
    assert loop.G1_PRIME_LATEX[activation] in shown
    assert loop.LOGISTIC_LATEX in shown
    captions = " ".join(c.value for c in at.caption)
    en = texts.TABLES["en"]
    assert en["iter.elementwise"] in captions and en["iter.logistic"] in captions
    # keepdims, computed: a rank-1 (4,) without it, (4, 1) with it or reshaped, db2 harmless
    code = at.code[0].value
    assert "# (4,): a rank-1 array" in code and "# (4, 1)\n" in code and "# (4, 1), the lecture's" in code
    assert "is still (1, 1)" in captions


def test_the_last_next_applies_the_update_as_step_does():
    at = opened(PAGE)
    playground = playground_of(at)
    tr = playground.trainer
    it = loop.iteration(tr.params, tr.data.X_train, tr.data.Y_train, "tanh", tr.settings.alpha)
    for _ in loop.STAGES:
        at = click(at, "iter.next")
    # one step further, the same numbers as the Playground's Step
    stepped = Playground()
    stepped.step(1)
    assert tr.step_count == 1 and stage_title(at) == texts.TABLES["en"]["iter.stage.forward"]
    for after, step, shown in zip(tr.params, stepped.trainer.params, it.new):
        np.testing.assert_array_equal(after, step)
        np.testing.assert_allclose(after, shown, rtol=1e-12, atol=1e-15)  # the page's update line
    assert tr.latest == stepped.trainer.latest


def test_the_update_stage_shows_dw_alpha_dw_and_the_new_parameters():
    at = opened(PAGE)
    for _ in range(3):
        at = click(at, "iter.next")
    tr = playground_of(at).trainer
    it = loop.iteration(tr.params, tr.data.X_train, tr.data.Y_train, "tanh", tr.settings.alpha)
    shown = latex_shown(at)
    for name in ("W1", "b1", "W2", "b2"):
        for a in (getattr(it, "d" + name), getattr(it.scaled, "d" + name), getattr(it.new, name)):
            assert matrix_latex(a, max_rows=8, max_cols=8, digits=4, factor=True) in shown, name
    np.testing.assert_allclose(it.scaled.dW1, tr.settings.alpha * it.dW1)


def test_the_page_in_korean_through_the_app():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "ko"
    at.switch_page(PAGE)
    run(at)
    assert stage_title(at) == texts.TABLES["ko"]["iter.stage.forward"] == "전 방향전파"
    assert at.title[0].value == texts.TABLES["ko"]["page.one_iteration"]
