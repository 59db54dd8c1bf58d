"""The Streamlit pages driven in AppTest (no browser, no JavaScript)."""
