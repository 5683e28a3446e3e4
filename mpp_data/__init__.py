"""The MPP acceleration dashboard's core: regions, loading, store, metrics, charts.

Nothing in this package imports Streamlit; the pages in ``pages/`` are thin callers.
"""

__version__ = "0.1.0"
