"""Gradient check: backprop's gradients of the session's network against central
differences, for the lecture's backward pass and deliberately wrong ones, and
ReLU's kink, where the check itself is wrong."""

import pandas as pd
import streamlit as st

from shallownet.lecture import gradient_check as gradcheck
from shallownet.lecture.gradient_check import TOLERANCE, VARIANTS
from shallownet.plots import gradient_check as figures
from shallownet.ui import lecture_page as lecture
from shallownet.ui import router
from shallownet.ui.i18n.texts import current, t

router.through_app()  # before anything else: see ui/router.py

EPS = 1e-5
KINKED = ("relu", "leaky_relu")  # the activations with a kink at 0
PASS_ICON, FAIL_ICON = ":material/check_circle:", ":material/cancel:"
# every chart with theme=None, as on the other pages: Streamlit's theme would set its own smaller,
# grey tick labels over the figures' fonts


def verdict(passes: dict) -> str:
    return t("gc.ok") if passes else t("gc.bad")


def errors_labels(title_key: str) -> dict:
    return {"title": t(title_key), "y": t("gc.fig.y"), "tolerance": t("gc.fig.tolerance", tolerance=f"{TOLERANCE:g}"),
            "zero": t("gc.fig.zero"), "shape": t("gc.fig.shape")}


playground = lecture.page("page.gradient_check", "gc.intro")
net = lecture.network(playground)
st.markdown(t("gc.network", n1=net.params.W1.shape[0], m=net.X.shape[1], step=f"{net.step:,}",
              activation=t(f"activation.{net.activation}"), eps=f"{EPS:g}", tolerance=f"{TOLERANCE:g}"))
results = gradcheck.check_variants(net.params, net.X, net.Y, net.activation, EPS)

# -- one backward pass against central differences ------------------------------------
lang = current()  # kept by the options' format function: called outside the run (AppTest), t() would be English
variant = st.selectbox(t("gc.variant"), tuple(VARIANTS), format_func=lambda n: t(f"gc.variant.{n}", lang),
                       key="gc.variant", help=t("gc.help.variant"))
result = results[variant]
rows = gradcheck.rows(result)
failed = [r.name for r in rows if not r.passes]
near = gradcheck.near_kink(net.params, net.X, EPS) if net.activation in KINKED else 0

words, chart = st.columns([1, 1], gap="medium")
with words:
    st.markdown(t(f"gc.mistake.{variant}", activation=t(f"activation.{net.activation}"),
                  derivative=t(f"derivative.{net.activation}")))
    if failed:
        st.error(t("gc.fail", params=", ".join(failed)), icon=FAIL_ICON)
    else:
        st.success(t("gc.pass", worst=f"{result.worst:.1e}"), icon=PASS_ICON)
    if near:
        st.warning(t("gc.near_kink", n=near), icon=":material/warning:")
    if variant != "correct":
        st.caption(t("gc.expected", params=", ".join(VARIANTS[variant].wrong)))
        if not failed:
            why = gradcheck.why_it_passes(net.params, net.X, net.activation, variant, results["correct"])
            st.info(t(f"gc.wrong_passes.{why}"))
    for r in rows:
        if r.shape != r.expected_shape:
            st.warning(t("gc.shape", param=r.name, got=r.shape, want=r.expected_shape))
    tiny = [r for r in rows if r.floored]
    if tiny:
        st.caption(t("gc.rounding", tolerance=f"{TOLERANCE:g}",
                     below=", ".join(f"{r.name} {r.size:.1e} < {r.floor:.1e}" for r in tiny)))
with chart:
    series = [(t(f"gc.variant.{variant}"), result.relative_error, {r.name: r.passes for r in rows})]
    st.plotly_chart(figures.errors_figure(series, TOLERANCE, labels=errors_labels("gc.fig.title")), key="gc.errors",
                    theme=None)

st.dataframe(
    pd.DataFrame({
        t("gc.col.param"): [r.name for r in rows],
        t("gc.col.shape"): [str(r.shape) for r in rows],
        t("gc.col.analytic"): [r.analytic_norm for r in rows],
        t("gc.col.numerical"): [r.numerical_norm for r in rows],
        t("gc.col.error"): [r.relative_error for r in rows],
        t("gc.col.result"): [verdict(r.passes) for r in rows],
    }),
    column_config={t(k): st.column_config.NumberColumn(format="%.3e")
                   for k in ("gc.col.analytic", "gc.col.numerical", "gc.col.error")},
    hide_index=True, key="gc.table",
)

# -- every backward pass at once ------------------------------------------------------
st.subheader(t("gc.overview"))
st.caption(t("gc.overview.caption"))
overview = {name: r.passes() for name, r in results.items()}
st.dataframe(
    pd.DataFrame({t("gc.col.variant"): [t(f"gc.variant.{name}") for name in overview]}
                 | {p: [verdict(ok[p]) for ok in overview.values()] for p in ("W1", "b1", "W2", "b2")}),
    hide_index=True, key="gc.overview",
)

# -- the kink -------------------------------------------------------------------------
st.header(t("gc.kink.section"))
try:
    case = gradcheck.relu_kink(net.params, net.X, net.Y, eps=EPS)
except ValueError:
    st.warning(t("gc.kink.no_w2"))
else:
    st.markdown(t("gc.kink.explain", unit=case.unit, example=case.example))
    kink_words, kink_chart = st.columns([1, 1], gap="medium")
    at_kink = case.result.passes()
    with kink_words:
        st.plotly_chart(figures.kink_figure(labels={
            "title": t("gc.kink.fig.title"), "z": t("gc.kink.fig.z"), "relu": t("gc.kink.fig.relu"),
            "secant": t("gc.kink.fig.secant"), "backprop": t("gc.kink.fig.backprop")}), key="gc.kink.picture",
            theme=None)
    with kink_chart:
        kink_series = [(t("gc.kink.before"), case.before.relative_error, case.before.passes()),
                       (t("gc.kink.at"), case.result.relative_error, at_kink)]
        st.plotly_chart(figures.errors_figure(kink_series, TOLERANCE, labels=errors_labels("gc.fig.title")),
                        key="gc.kink.errors", theme=None)
    st.caption(t("gc.kink.case", unit=case.unit, example=case.example, z=f"{case.z:.1e}",
                 before=gradcheck.near_kink(net.params, net.X, EPS), near=case.near_kink))
    failed_at_kink = [name for name, ok in at_kink.items() if not ok]
    if failed_at_kink:
        st.error(t("gc.kink.result_fail", params=", ".join(failed_at_kink)), icon=FAIL_ICON)
    else:
        st.info(t("gc.kink.result_pass"))
