"""Equations: the lecture's 4 forward and 6 backward equations on the session's
network, with the live shape of every term, one example's numbers, and keepdims."""

import pandas as pd
import streamlit as st

from shallownet.lecture import equations
from shallownet.lecture.equations import EXAMPLE_LATEX, matrix_latex, number_latex, table_latex
from shallownet.plots import equations as figures
from shallownet.ui import lecture_page as lecture
from shallownet.ui import router
from shallownet.ui.i18n.texts import t

router.through_app()  # before anything else: see ui/router.py

EXAMPLE, PICK = "eq.example", "eq.pick"
MAX_ROWS = 8  # hidden units written out for one example; a table has them all
KEEPDIMS_MAX = 4  # rows and columns of b1 written out

playground = lecture.page("page.equations", "eq.intro")
net = lecture.network(playground)
n1, m = net.params.W1.shape[0], net.X.shape[1]
st.markdown(t("eq.network", n1=n1, m=m, activation=t(f"activation.{net.activation}"), step=f"{net.step:,}"))

# -- the ten equations: forward on the left, backward on the right ---------------------
eqs = equations.equations(net.params, net.X, net.Y, net.activation)
for column, direction in zip(st.columns([2, 3], gap="medium"), ("forward", "backward")):
    with column:
        st.subheader(t(f"eq.{direction}"))
        for e in (e for e in eqs if e.direction == direction):
            with st.container(border=True, gap="xsmall", key=f"eq.{e.name}"):
                st.latex(e.latex)
                st.markdown(" ".join(t("eq.term.result" if k == 0 else "eq.term", latex=term.latex,
                                       shape=str(term.shape)) for k, term in enumerate(e.terms)))
                st.caption(t("eq.summary", **{k: f"{v:.3g}" for k, v in e.summary._asdict().items()}))

# -- one example ------------------------------------------------------------------------
st.header(t("eq.example.section"))
st.caption(t("eq.example.intro"))
if not 0 <= st.session_state.get(EXAMPLE, 0) < m:  # fewer examples than before
    st.session_state[EXAMPLE] = 0


def picked():
    i = figures.selected_example(st.session_state.get(PICK))
    if i is not None and i < m:
        st.session_state[EXAMPLE] = i


plot, numbers = st.columns([2, 3], gap="medium")
with numbers:
    i = st.number_input(t("eq.example.index"), min_value=0, max_value=m - 1, step=1, key=EXAMPLE,
                        help=t("eq.example.help"))
with plot:
    fig = figures.examples_figure(net.X, net.Y, i, labels={
        "title": t("eq.example.fig.title"), "example": t("eq.example.fig.example"),
        "selected": t("eq.example.fig.selected")})
    st.plotly_chart(fig, key=PICK, on_select=picked, selection_mode="points", theme=None)
ex = equations.example(net.params, net.X, net.Y, i, net.activation)
L = EXAMPLE_LATEX
with numbers:
    st.latex(rf"{L['x']} = {matrix_latex(ex.x[:, None], digits=4)} \qquad {L['y']} = {ex.y}")
    st.latex(rf"{L['z2']} = {number_latex(ex.z2, 4)} \qquad {L['a2']} = {number_latex(ex.a2, 4)}")
    st.latex(rf"{L['dz2']} = a^{{[2](i)}} - y^{{(i)}} = {number_latex(ex.dz2, 4)}")
    st.latex(table_latex({L[k]: getattr(ex, k) for k in ("z1", "a1", "dz1")}, max_rows=MAX_ROWS,
                         index=rf"\text{{{t('eq.example.col.unit')}}}"))
    if n1 > MAX_ROWS:
        st.caption(t("eq.example.cut", shown=MAX_ROWS - 1, n1=n1))
        with st.expander(t("eq.example.table", i=i)):
            st.dataframe(pd.DataFrame({"z1": ex.z1, "a1": ex.a1, "dZ1": ex.dz1},
                                      index=pd.RangeIndex(n1, name=t("eq.example.col.unit"))),
                         column_config={c: st.column_config.NumberColumn(format="%.4g") for c in ("z1", "a1", "dZ1")},
                         height=400, key="eq.units")

# -- keepdims ---------------------------------------------------------------------------
st.header(t("eq.keepdims.section"))
alpha = net.settings.alpha
st.caption(t("eq.keepdims.intro", n1=n1, alpha=f"{alpha:g}"))
d = equations.keepdims_demo(net.params, net.X, net.Y, alpha, net.activation)
without, with_ = st.columns([3, 2], gap="small")  # a square next to a column
with without, st.container(border=True, key="eq.keepdims.without"):
    st.subheader(t("eq.keepdims.without"))
    st.code(t("eq.keepdims.code_without", shape=d.summed.shape, result=d.wrong.shape), wrap_lines=True)
    st.latex(r"\texttt{np.sum} = " + matrix_latex(d.summed, max_cols=KEEPDIMS_MAX, factor=True))
    st.latex(r"b^{[1]} := " + matrix_latex(d.wrong, max_rows=KEEPDIMS_MAX, max_cols=KEEPDIMS_MAX, factor=True))
    if n1 > 1 and d.next_error:
        st.error(t("eq.keepdims.wrong", result=d.wrong.shape, right=d.b1.shape, wx=d.wx_shape, error=d.next_error))
    elif n1 > 1:  # m = n1: W1 X and the wrong b1 have one shape
        st.error(t("eq.keepdims.wrong_silent", result=d.wrong.shape, right=d.b1.shape, wx=d.wx_shape))
with with_, st.container(border=True, key="eq.keepdims.with"):
    st.subheader(t("eq.keepdims.with"))
    st.code(t("eq.keepdims.code_with", shape=d.summed_keepdims.shape, result=d.right.shape), wrap_lines=True)
    st.latex(r"\texttt{np.sum} = " + matrix_latex(d.summed_keepdims, max_rows=KEEPDIMS_MAX, factor=True))
    st.latex(r"b^{[1]} := " + matrix_latex(d.right, max_rows=KEEPDIMS_MAX, factor=True))
    st.success(t("eq.keepdims.right", right=d.right.shape))
if n1 > KEEPDIMS_MAX:
    st.caption(t("eq.keepdims.cut", shown=KEEPDIMS_MAX - 1, n1=n1))
if n1 == 1:
    st.info(t("eq.keepdims.one_unit"))
