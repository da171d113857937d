"""File formats in and out: bytes in, values out; no SQL, no Streamlit."""
