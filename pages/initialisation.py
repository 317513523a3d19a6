"""Initialisation: zeros against small random weights, and how a large initial scale
saturates g1 and slows learning."""

import streamlit as st

from shallownet.core.settings import SCALES
from shallownet.lecture import hidden_units, initialisation
from shallownet.plots import initialisation as figs
from shallownet.ui import lecture_page as lecture
from shallownet.ui import router
from shallownet.ui.i18n.texts import t
from shallownet.ui.remember import remembered

router.through_app()  # before anything else: see ui/router.py

playground = lecture.page("page.initialisation", "initialisation.intro")
net = lecture.network(playground)
settings, data = net.settings.replace(init="random"), playground.trainer.data
activation = t(f"activation.{net.activation}")
labels = {"boundary": t("fig.boundary.line"), "train_class0": t("fig.train_class0"),
          "train_class1": t("fig.train_class1"), "test_class0": t("fig.test_class0"),
          "test_class1": t("fig.test_class1")}


def stopped(run_name, divergence):
    if divergence is not None:
        st.warning(t("initialisation.diverged", run=run_name, step=f"{divergence.step:,}",
                     quantity=t(f"quantity.{divergence.quantity}"), alpha=f"{divergence.alpha:g}"), icon="⚠️")


# --- zeros against random --------------------------------------------------------
st.header(t("initialisation.section.symmetry"))
explain, control = st.columns([3, 2], gap="large")
explain.markdown(t("initialisation.symmetry.explain"))
asked = control.slider(t("initialisation.steps"), 10, initialisation.MAX_STEPS, 1000, step=10,
                       key="initialisation.steps", help=t("initialisation.help.steps"))
steps = initialisation.step_limit(settings, 2, asked)
if steps < asked:
    st.info(t("initialisation.capped", n1=settings.n1, m=settings.m, steps=f"{steps:,}", asked=f"{asked:,}"))
runs = remembered(
    ("initialisation.compare", settings, steps),
    lambda progress: initialisation.compare(settings, steps, data=data, on_progress=progress),
    lambda done, total: t("initialisation.progress.compare", done=f"{done:,}", total=f"{total:,}"),
)
names = {"zeros": t("initialisation.run.zeros"),
         "random": t("initialisation.run.random", scale=f"{settings.init_scale:g}")}

for column, method in zip(st.columns(2), ("zeros", "random")):
    run = runs[method]
    with column:
        st.subheader(names[method])
        a, b, c = st.columns(3)
        a.metric(t("initialisation.metric.spread"), f"{run.row_spread:.3g}", help=t("initialisation.help.spread"))
        b.metric(t("initialisation.metric.acc"), f"{run.acc_train:.1%}")
        c.metric(t("initialisation.metric.cost"), f"{run.costs[-1]:.4f}")
        stopped(names[method], run.divergence)
if settings.n1 == 1:
    st.info(t("initialisation.one_unit"))
elif hidden_units.value_at_zero(net.activation) == 0:
    st.caption(t("initialisation.zeros_stay_zero", activation=activation))
elif runs["zeros"].stayed_at_zero:
    st.caption(t("initialisation.zeros_balanced"))

panels = [(t("initialisation.panel", run=names[m], steps=f"{int(runs[m].steps[-1]):,}"), runs[m].proba)
          for m in ("zeros", "random")]
grid = runs["zeros"]
st.plotly_chart(figs.boundaries(grid.xs, grid.ys, panels, net.X, net.Y, net.X_test, net.Y_test, labels=labels),
                key="initialisation.boundaries", theme=None)
st.plotly_chart(figs.w1_rows(
    [(t("initialisation.fig.rows", run=names[m]), runs[m].params.W1) for m in ("zeros", "random")],
    labels={"unit": t("initialisation.fig.unit"), "value": t("initialisation.fig.value"),
            "inputs": (t("initialisation.fig.input0"), t("initialisation.fig.input1"))},
), key="initialisation.rows", theme=None)

# --- the initial scale -------------------------------------------------------------
st.header(t("initialisation.section.scale"))
explain, control = st.columns([3, 2], gap="large")
explain.markdown(t(f"initialisation.scale.explain.{net.activation}"))
choices = tuple(s for s in SCALES if s >= initialisation.SCALES[0])
# not the sidebar's initial weight scale (the Playground's, and the random run's above): its name
# and help tell the two sliders apart
scale_help = t("initialisation.help.scale", setting=t("setting.init_scale"), value=f"{settings.init_scale:g}")
scale = control.select_slider(t("initialisation.scale"), choices, value=choices[-1], format_func=lambda s: f"{s:g}",
                              key="initialisation.scale", help=scale_help)
if net.activation not in ("tanh", "sigmoid"):
    st.info(t("initialisation.no_saturation", activation=activation))
scales = sorted(set(initialisation.SCALES) | {scale})
# the same steps whichever scale is chosen, so that the other scales' runs are reused
scale_steps = initialisation.step_limit(settings, len(initialisation.SCALES) + 1, asked)
if scale_steps < asked:
    st.info(t("initialisation.capped", n1=settings.n1, m=settings.m, steps=f"{scale_steps:,}", asked=f"{asked:,}"))
by_scale = {
    s: remembered(
        ("initialisation.scale", settings.replace(init_scale=s), scale_steps),
        lambda progress, s=s: initialisation.saturation(settings, scale_steps, (s,), data=data,
                                                        on_progress=progress)[0],
        lambda done, total: t("initialisation.progress.scale", done=f"{done:,}", total=f"{total:,}"),
    )
    for s in scales
}
chosen = by_scale[scale]
a, b, c = st.columns(3)
a.metric(t("initialisation.metric.mean_dg"), f"{chosen.mean_dg:.3f}")
b.metric(t("initialisation.metric.cost0"), f"{chosen.costs[0]:.4f}")
c.metric(t("initialisation.metric.cost_end", steps=f"{int(chosen.steps[-1]):,}"), f"{chosen.costs[-1]:.4f}")
stopped(t("initialisation.fig.scale", scale=f"{scale:g}"), chosen.divergence)

left, right = st.columns(2)
left.plotly_chart(figs.derivative_histogram(chosen.dg, labels={
    "title": t("initialisation.fig.dg", scale=f"{scale:g}"), "x": t("initialisation.fig.dg.x"),
    "y": t("initialisation.fig.dg.y"), "mean": t("initialisation.fig.dg.mean")}),
    key="initialisation.histogram", theme=None)


def curve_name(run):
    if run.divergence is not None:
        return t("initialisation.fig.scale_stopped", scale=f"{run.scale:g}", step=f"{run.divergence.step:,}")
    return t("initialisation.fig.scale", scale=f"{run.scale:g}")


right.plotly_chart(figs.cost_curves(
    [(curve_name(r), r.steps, r.costs, r.scale == scale) for r in by_scale.values()],
    labels={"title": t("initialisation.fig.costs"), "step": t("fig.step")}),
    key="initialisation.costs", theme=None)
