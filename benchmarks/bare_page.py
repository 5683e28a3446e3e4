"""The bare Streamlit page the viewer benchmark compares the dashboard with (issue 21): three metrics, one
plotly line, one table and one sidebar date, nothing cached, no store."""

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

st.sidebar.date_input("Tanggal", dt.date(2025, 12, 31), key="as_of")
a, b, c = st.columns(3)
a.metric("Cakupan", "305 / 514", "+9")
b.metric("Persen", "59,3%", "+1,8 pp")
c.metric("Beroperasi", "312", "+9")
days = pd.date_range("2017-01-01", "2025-12-31", freq="QS")
st.plotly_chart(go.Figure(go.Scatter(x=days, y=list(range(len(days))), mode="lines")), key="line")
st.dataframe(pd.DataFrame({"provinsi": [f"P{i}" for i in range(38)], "cakupan": range(38)}), key="table")
