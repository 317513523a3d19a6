"""Streamlit helpers shared by the pages: controls, session state, texts, the live view."""
