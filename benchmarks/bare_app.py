# A bare Streamlit page: one metric and nothing else. benchmarks/bench_live.py
# compares the live view's first boundary with the time this page takes to show
# its first element, in the same browser, with the same throttling.
import streamlit as st

st.metric("Step", 0)
