"""Thin Streamlit pages: widgets → one service call → render. Only this package imports streamlit."""
