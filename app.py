"""shallownet: a first page that trains on the default settings and shows the boundary."""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from shallownet.grid import make_grid
from shallownet.trainer import Trainer

st.set_page_config(page_title="shallownet", layout="wide")
st.title("Gradient descent for a neural network with one hidden layer")

trainer = Trainer()
trainer.step(2000)
d = trainer.data
grid = make_grid(np.hstack([d.X_train, d.X_test]))
proba = trainer.proba(grid.points).reshape(len(grid.ys), len(grid.xs))
fig = go.Figure(go.Heatmap(x=grid.xs, y=grid.ys, z=proba, colorscale="RdBu", zmin=0, zmax=1))
fig.add_scatter(x=d.X_train[0], y=d.X_train[1], mode="markers",
                marker=dict(color=d.Y_train[0], colorscale="RdBu", line=dict(width=1)))
st.plotly_chart(fig)
st.metric("Step", trainer.step_count)
