"""Plotly figures of the lecture pages, one module a page, as pure functions of
arrays: each returns a ``plotly.graph_objects.Figure`` that the page shows with
``st.plotly_chart`` (plotly's own PNG download included). Nothing here reads
session state or knows about Streamlit; the texts come in as arguments."""
