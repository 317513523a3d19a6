"""One iteration: one pass of the lecture's loop on the session's network, a stage
at a time (forward, cost, backward, update) with Next and Back, its numbers in
full for a small network; the last Next applies the update (the Playground's Step)."""

import streamlit as st

from shallownet.lecture import one_iteration as loop
from shallownet.lecture.equations import matrix_latex, number_latex
from shallownet.ui import lecture_page as lecture
from shallownet.ui import router
from shallownet.ui.i18n.texts import t

router.through_app()  # before anything else: see ui/router.py

STAGE = "iter.stage"
EXAMPLE = "eq.example"  # the example chosen on the Equations page's plane
FULL = 8  # parameters written out in full up to this many hidden units
FIRST_COLUMNS = 3  # an (n, m) matrix shows its first examples' columns and the chosen one

playground = lecture.page("page.one_iteration", "iter.intro")
net = lecture.network(playground)
n1, m, alpha = net.params.W1.shape[0], net.X.shape[1], net.settings.alpha
stage = st.session_state.get(STAGE, 0)
if not 0 <= stage < len(loop.STAGES):
    stage = st.session_state[STAGE] = 0
chosen = st.session_state.get(EXAMPLE, 0)
if not 0 <= chosen < m:
    chosen = 0
columns = loop.shown_columns(m, FIRST_COLUMNS, chosen)
it = loop.iteration(net.params, net.X, net.Y, net.activation, alpha)


def back():
    st.session_state[STAGE] = max(0, stage - 1)


def forward():
    if stage + 1 < len(loop.STAGES):
        st.session_state[STAGE] = stage + 1
    else:  # the update is applied: the Playground's Step, one step further
        playground.step(1)
        st.session_state[STAGE] = 0


def full(a) -> str:
    """A parameter or its gradient: in full for a small network, cut beyond."""
    return matrix_latex(a, max_rows=FULL, max_cols=FULL, digits=4, factor=True)


def cols(name: str, a) -> str:
    """An (n, m) matrix's shown columns, named by their examples."""
    return rf"{name}_{{[:,\,{','.join(map(str, columns))}]}} = " + matrix_latex(
        a[:, columns], max_rows=FULL, max_cols=len(columns), digits=4, factor=True)


st.markdown(t("iter.network", n1=n1, m=m, activation=t(f"activation.{net.activation}"),
              step=f"{net.step:,}", alpha=f"{alpha:g}"))
nav, where = st.columns([2, 3], vertical_alignment="center")
with nav:
    left, right = st.columns(2)
    left.button(t("iter.back"), on_click=back, disabled=stage == 0, width="stretch", key="iter.back")
    last = stage == len(loop.STAGES) - 1
    right.button(t("iter.apply" if last else "iter.next", step=f"{net.step + 1:,}"), on_click=forward,
                 type="primary", width="stretch", key="iter.next")
with where:
    st.progress((stage + 1) / len(loop.STAGES),
                text=t("iter.stage_of", k=stage + 1, n=len(loop.STAGES), stage=t(f"iter.stage.{loop.STAGES[stage]}")))

lecture_loop, numbers = st.columns([5, 8], gap="medium")
with lecture_loop, st.container(border=True, key="iter.loop"):
    st.subheader(t("iter.loop"))
    rows = [rf"\textcolor{{{loop.HIGHLIGHT if s == loop.STAGES[stage] else loop.DIMMED}}}{{{latex}}}"
            if s else latex for s, latex in loop.LOOP]
    st.latex(r"\begin{array}{l}" + r" \\ ".join(rows) + r"\end{array}")
    st.caption(t("iter.columns", shown=", ".join(map(str, columns)), chosen=chosen))

with numbers:
    name = loop.STAGES[stage]
    st.subheader(t(f"iter.stage.{name}"))
    if name == "forward":
        st.latex(r"W^{[1]} = " + full(it.params.W1) + r"\qquad b^{[1]} = " + full(it.params.b1))
        st.latex(r"W^{[2]} = " + full(it.params.W2) + r"\qquad b^{[2]} = " + full(it.params.b2))
        st.latex(r"Z^{[1]} = W^{[1]} X + b^{[1]} \qquad " + cols("Z^{[1]}", it.Z1))
        st.latex(r"A^{[1]} = g^{[1]}(Z^{[1]}) \qquad " + cols("A^{[1]}", it.A1))
        st.latex(r"Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]} \qquad " + cols("Z^{[2]}", it.Z2))
        st.latex(r"A^{[2]} = \sigma(Z^{[2]}) = \hat{Y} \qquad " + cols("A^{[2]}", it.A2))
    elif name == "cost":
        st.latex(r"\mathcal{L}(a, y) = -\big[\, y \log a + (1 - y) \log(1 - a) \big]")
        st.latex(cols("Y", net.Y) + r"\qquad " + cols(r"\mathcal{L}(A^{[2]}, Y)", it.loss))
        st.latex(r"J = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(a^{[2](i)}, y^{(i)}) = " + number_latex(it.cost, 6))
        st.caption(t("iter.cost_same", step=f"{net.step:,}"))
    elif name == "backward":
        with st.container(border=True, key="iter.output_layer"):
            st.latex(r"dZ^{[2]} = A^{[2]} - Y \qquad " + cols("dZ^{[2]}", it.dZ2))
            st.latex(r"dW^{[2]} = \tfrac{1}{m}\, dZ^{[2]} A^{[1]T} = " + full(it.dW2))
            st.latex(r"db^{[2]} = \tfrac{1}{m}\, \texttt{np.sum}(dZ^{[2]}, \texttt{axis=1}, \texttt{keepdims=True}) = "
                     + full(it.db2))
            st.caption(t("iter.logistic"))
            st.latex(loop.LOGISTIC_LATEX)
        with st.container(border=True, key="iter.hidden_layer"):
            # each on two lines: the hidden layer's (n1, m) values are wide
            st.latex(r"dZ^{[1]} = W^{[2]T} dZ^{[2]} * g^{[1]\prime}(Z^{[1]})")
            st.latex(cols("dZ^{[1]}", it.dZ1))
            st.latex(loop.G1_PRIME_LATEX[net.activation])
            st.latex(cols(r"g^{[1]\prime}", it.g1_prime))
            st.caption(t("iter.elementwise"))
            st.latex(r"dW^{[1]} = \tfrac{1}{m}\, dZ^{[1]} X^{T} = " + full(it.dW1))
            st.latex(r"db^{[1]} = \tfrac{1}{m}\, \texttt{np.sum}(dZ^{[1]}, \texttt{axis=1}, \texttt{keepdims=True}) = "
                     + full(it.db1))
            shapes = loop.keepdims_shapes(it.dZ1, it.dZ2)
            st.code(t("iter.keepdims.code", n1=n1, **{k: str(v) for k, v in shapes.items()}), language="python")
            st.caption(t("iter.keepdims", n1=n1, **{k: str(v) for k, v in shapes.items()}))
    else:
        st.info(t("iter.apply_says", step=f"{net.step + 1:,}"), icon="➡️")
        st.caption(t("iter.update.alpha", alpha=f"{alpha:g}"))
        for p, tex in loop.PARAM_LATEX.items():
            g = "d" + p
            with st.container(border=True, key=f"iter.update.{p}"):
                # a row each, aligned on "=": side by side they are wider than half a projector
                st.latex(r"\begin{aligned}" + rf"d{tex} &= " + full(getattr(it, g)) + r" \\ "
                         + rf"\alpha\, d{tex} &= " + full(getattr(it.scaled, g)) + r" \\ "
                         + rf"{tex} := {tex} - \alpha\, d{tex} &= " + full(getattr(it.params, p)) + " - "
                         + full(getattr(it.scaled, g)) + r" \\ &= " + full(getattr(it.new, p)) + r"\end{aligned}")
