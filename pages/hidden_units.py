"""Hidden units: what each unit of the session's network computes over the plane, its
line weighted by W2, and the network as a diagram."""

import streamlit as st

from shallownet.core.grid import make_grid
from shallownet.lecture import hidden_units
from shallownet.plots import hidden_units as figs
from shallownet.ui import lecture_page as lecture
from shallownet.ui import router
from shallownet.ui.i18n.texts import t

router.through_app()  # before anything else: see ui/router.py

GRID_SIZE = 60  # each panel's heatmap is GRID_SIZE x GRID_SIZE

playground = lecture.page("page.hidden_units", "hidden_units.intro")
net = lecture.network(playground)
n1 = net.params.W1.shape[0]
grid = make_grid(playground.trainer.data.X_all, GRID_SIZE)
units = hidden_units.hidden_units(net.params, grid, net.activation)
points = {"class0": t("hidden_units.fig.class0"), "class1": t("hidden_units.fig.class1")}

st.caption(t("hidden_units.network", n1=n1, activation=t(f"activation.{net.activation}"), step=f"{net.step:,}",
             dataset=t(f"dataset.{net.settings.dataset}")))
if net.step == 0:  # the start as the settings made it: zeros, or random weights of the initial scale
    st.info(t(f"hidden_units.untrained.{net.settings.init}", scale=f"{net.settings.init_scale:g}",
              value=f"{hidden_units.value_at_zero(net.activation):g}"), icon="ℹ️")

st.header(t("hidden_units.section.units"))
st.caption(t("hidden_units.units.explain"))
shown = units[:figs.MAX_PANELS]
if len(shown) < n1:
    st.info(t("hidden_units.capped", shown=len(shown), n1=n1))
st.plotly_chart(figs.unit_activations(
    grid.xs, grid.ys, shown, net.X, net.Y, zmid=hidden_units.value_at_zero(net.activation),
    labels={"title": t("hidden_units.fig.unit"), "value": t("hidden_units.fig.value"),
            "line": t("hidden_units.fig.unit_line"), **points},
), key="hidden_units.activations", theme=None)
missing = [str(u.index) for u in units if u.line is None]
if missing:
    st.caption(t("hidden_units.no_line", units=", ".join(missing)))

st.header(t("hidden_units.section.lines"))
st.markdown(t("hidden_units.why"))
left, right = st.columns([1, 1], gap="medium")
left.plotly_chart(figs.unit_lines(
    grid.xs, grid.ys, units, net.X, net.Y, hidden_units.output(net.params, grid, net.activation),
    labels={"title": t("hidden_units.fig.lines"), "line": t("hidden_units.fig.line"),
            "boundary": t("hidden_units.fig.boundary"), **points},
), key="hidden_units.lines", theme=None)
nodes, edges = hidden_units.diagram(net.params)
right.plotly_chart(figs.network_diagram(nodes, edges, labels={
    "title": t("hidden_units.fig.diagram"), "positive": t("hidden_units.fig.positive"),
    "negative": t("hidden_units.fig.negative"), "zero": t("hidden_units.fig.zero"),
    "bias": t("hidden_units.fig.bias"), "node": t("hidden_units.fig.node"),
}), key="hidden_units.diagram", theme=None)
st.caption(t("hidden_units.lines.explain"))
