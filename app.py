"""shallownet: the entry point and router. Run with ``streamlit run app.py``."""

import streamlit as st

from shallownet.ui.texts import t

st.set_page_config(page_title=t("app.title"), page_icon="🧠", layout="wide")

page = st.navigation([
    st.Page("pages/playground.py", title=t("page.playground"), icon="🎛️", default=True),
])
page.run()
