"""The Streamlit shell: how pages get their workbook, shared widgets, the page benchmark."""
