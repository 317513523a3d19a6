"""The Equations page through Streamlit's AppTest: the ten equations with the live
shapes and values of the session's network, one example's numbers, and keepdims."""

import re

import numpy as np
import pytest

from shallownet.lecture import equations
from shallownet.lecture.equations import BACKWARD, FORWARD, LATEX, matrix_latex, number_latex
from shallownet.plots import equations as figures
from shallownet.ui.i18n import texts
from tests.app.apptest import page_script, run

PAGE = page_script("equations")
# a term's chip under its equation: $latex, a space, then its shape in bold$
CHIP = re.compile(r"\$(.+?)\\;\\textbf\{\(([\d, ]*)\)\}\$")


def rerun(at):
    return run(at)


def network(at):
    tr = at.session_state["playground"].trainer
    return tr.params, tr.data.X_train, tr.data.Y_train, tr.settings.activation


def latex_shown(at) -> list[str]:
    return [e.value.strip().removeprefix("$$").removesuffix("$$").strip() for e in at.latex]


def shapes_shown(at) -> list[list[tuple[str, tuple[int, ...]]]]:
    """Each equation's chips, in the order of the page: (term's LaTeX, shape)."""
    out = []
    for md in at.markdown:
        chips = CHIP.findall(md.value)
        if chips:
            out.append([(latex, tuple(int(n) for n in shape.split(",") if n.strip()))
                        for latex, shape in chips])
    return out


def summaries_shown(at) -> list[str]:
    return [c.value for c in at.caption if c.value.startswith("min ")]


def expected(at):
    return equations.equations(*network(at))


def test_the_ten_equations_in_two_groups_with_every_terms_live_shape(at):
    assert at.title[0].value == "Equations"
    assert [s.value for s in at.subheader][:2] == ["Forward propagation", "Backpropagation"]
    assert latex_shown(at)[:10] == [LATEX[name] for name in FORWARD + BACKWARD]
    eqs = expected(at)
    assert shapes_shown(at) == [[(term.latex, term.shape) for term in e.terms] for e in eqs]
    # the lecture's example: at the defaults dZ1 is n1 by the training examples
    assert dict(shapes_shown(at)[7])["dZ^{[1]}"] == (4, 320)


def test_each_summary_is_the_cores_min_mean_and_max(at):
    at.session_state["playground"].step(25)
    rerun(at)
    eqs = expected(at)
    assert summaries_shown(at) == [
        f"min {e.summary.min:.3g}  ·  mean {e.summary.mean:.3g}  ·  max {e.summary.max:.3g}" for e in eqs]
    assert "at step 25" in at.markdown[0].value


def test_shapes_follow_n1_and_m_from_the_sidebar(at):
    at.slider(key="setting.n1").set_value(7).run()
    at.slider(key="setting.m").set_value(100).run()
    assert not at.exception
    shapes = shapes_shown(at)
    assert shapes == [[(term.latex, term.shape) for term in e.terms] for e in expected(at)]
    assert dict(shapes[7])["dZ^{[1]}"] == (7, 80)
    assert dict(shapes[1])["A^{[1]}"] == (7, 80) and dict(shapes[8])["dW^{[1]}"] == (7, 2)


def test_the_course_assignment_preset_shows_its_shapes(at):
    [button] = [b for b in at.button if b.label == texts.EN["preset.course_assignment"]]
    button.click().run()
    assert not at.exception
    assert dict(shapes_shown(at)[7])["dZ^{[1]}"] == (4, 400)


def example_latex(at) -> list[str]:
    """The example's four lines of LaTeX, after the ten equations."""
    return latex_shown(at)[10:14]


@pytest.mark.parametrize("i", [0, 17, 319])
def test_one_examples_numbers_are_the_cores(at, i):
    at.session_state["playground"].step(40)
    at.number_input(key="eq.example").set_value(i).run()
    assert not at.exception
    ex = equations.example(*network(at)[:3], i, network(at)[3])
    x_line, out_line, dz2_line, units = example_latex(at)
    assert x_line.startswith("x^{(i)} = " + matrix_latex(ex.x[:, None], digits=4))
    assert x_line.endswith(f"y^{{(i)}} = {ex.y}")
    assert number_latex(ex.z2, 4) in out_line and out_line.endswith("= " + number_latex(ex.a2, 4))
    assert dz2_line.endswith("= " + number_latex(ex.dz2, 4))
    rows = units.split(r" \\ ")[1:]  # after the header
    assert len(rows) == 4
    for j, row in enumerate(rows):
        cells = row.removeprefix(r"\hline ").removesuffix(r"\end{array}").split(" & ")
        assert cells == [str(j)] + [number_latex(v[j], 4) for v in (ex.z1, ex.a1, ex.dz1)]


def test_a_big_hidden_layer_cuts_the_vectors_and_lists_every_unit_in_a_table(at):
    at.slider(key="setting.n1").set_value(20).run()
    at.session_state["playground"].step(10)
    at.number_input(key="eq.example").set_value(5).run()
    assert not at.exception
    ex = equations.example(*network(at)[:3], 5, network(at)[3])
    assert r"\vdots" in example_latex(at)[3]
    [table] = at.dataframe
    df = table.value
    assert len(df) == 20
    np.testing.assert_array_equal(df["z1"].to_numpy(), ex.z1)
    np.testing.assert_array_equal(df["a1"].to_numpy(), ex.a1)
    np.testing.assert_array_equal(df["dZ1"].to_numpy(), ex.dz1)


def test_the_chosen_example_survives_fewer_examples(at):
    at.number_input(key="eq.example").set_value(300).run()
    at.slider(key="setting.m").set_value(50).run()  # 40 training examples now
    assert not at.exception
    assert at.number_input(key="eq.example").value == 0
    ex = equations.example(*network(at)[:3], 0, network(at)[3])
    assert example_latex(at)[0].startswith("x^{(i)} = " + matrix_latex(ex.x[:, None], digits=4))


def test_the_keepdims_panel_shows_the_wrong_broadcast_next_to_the_right_update(at):
    at.session_state["playground"].step(30)
    rerun(at)
    p, X, Y, activation = network(at)
    alpha = at.session_state["playground"].settings.alpha
    d = equations.keepdims_demo(p, X, Y, alpha, activation)
    keepdims = latex_shown(at)[14:]
    assert keepdims == [
        r"\texttt{np.sum} = " + matrix_latex(d.summed, max_cols=4, factor=True),
        r"b^{[1]} := " + matrix_latex(d.wrong, max_rows=4, max_cols=4, factor=True),
        r"\texttt{np.sum} = " + matrix_latex(d.summed_keepdims, max_rows=4, factor=True),
        r"b^{[1]} := " + matrix_latex(d.right, max_rows=4, factor=True),
    ]
    codes = [c.value for c in at.code]
    assert "# db1.shape == (4,)" in codes[0] and "# b1.shape == (4, 4)" in codes[0]
    assert "keepdims=True" in codes[1] and "# b1.shape == (4, 1)" in codes[1]
    assert "(4, 4) matrix instead of a (4, 1) column" in at.error[0].value
    assert "(4, 1) column" in at.success[0].value


def test_the_keepdims_panel_says_the_next_forward_pass_raises_as_numpy_does(at):
    """W1 X is (4, 320) at the defaults: adding the (4, 4) b1 raises, and the page says so."""
    p, X, Y, activation = network(at)
    d = equations.keepdims_demo(p, X, Y, at.session_state["playground"].settings.alpha, activation)
    with pytest.raises(ValueError) as raised:
        p.W1 @ X + d.wrong
    for lang, table in (("en", texts.EN), ("ko", texts.KO)):
        at.session_state["lang"] = lang
        rerun(at)
        said = at.error[0].value
        assert said == table["eq.keepdims.wrong"].format(result=(4, 4), right=(4, 1), wx=(4, 320),
                                                         error=str(raised.value).strip())
        assert "(4, 320)" in said and "ValueError" in said and "(4,320) (4,4)" in said


def test_with_m_equal_to_n1_the_keepdims_panel_says_no_error_is_raised(at):
    """8 training examples (m = 10, a fifth held out) and n1 = 8: W1 X is (8, 8), and the
    wrong b1 adds to it without an error."""
    at.slider(key="setting.m").set_value(10).run()
    at.slider(key="setting.n1").set_value(8).run()
    assert not at.exception
    p, X, Y, activation = network(at)
    assert X.shape == (2, 8)
    assert at.error[0].value == texts.EN["eq.keepdims.wrong_silent"].format(result=(8, 8), right=(8, 1), wx=(8, 8))


def test_with_one_hidden_unit_the_keepdims_panel_says_the_mistake_does_not_show(at):
    at.slider(key="setting.n1").set_value(1).run()
    assert not at.exception
    assert not at.error and "n1 = 1" in at.info[-1].value
    assert "# b1.shape == (1, 1)" in at.code[0].value


# -- clicking an example on the plot -----------------------------------------------------

def test_the_example_plot_carries_each_points_index_and_rings_the_chosen_one():
    X = np.array([[0.0, 1.0, 2.0], [0.5, -1.0, 3.0]])
    Y = np.array([[0, 1, 1]])
    fig = figures.examples_figure(X, Y, 2, labels={"title": "t", "example": "example", "selected": "chosen"})
    points, ring = fig.data
    np.testing.assert_array_equal(points.customdata, [0, 1, 2])
    assert list(ring.customdata) == [2] and (ring.x[0], ring.y[0]) == (2.0, 3.0)


@pytest.mark.parametrize("state, index", [
    ({"selection": {"points": [{"curve_number": 0, "point_index": 7, "customdata": 7}]}}, 7),
    ({"selection": {"points": [{"customdata": [12]}]}}, 12),
    ({"selection": {"points": [{"customdata": 3}, {"customdata": 9.0}]}}, 9),
    ({"selection": {"points": [], "point_indices": [], "box": [], "lasso": []}}, None),
    ({"selection": {"points": [{"point_index": 4}]}}, None),
    ({"selection": {"points": [{"customdata": True}]}}, None),
    ({"selection": {"points": [{"customdata": -1}]}}, None),
    ({}, None),
    (None, None),
])
def test_a_click_on_the_plot_is_read_back_as_an_example_index(state, index):
    assert figures.selected_example(state) == index
