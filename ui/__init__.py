"""Streamlit-only glue: cached calls into ``mpp_data``, the sidebar, error display."""
