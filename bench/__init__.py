"""`workbook bench`: the benchmark (pages, interactions, the browser, a workshop's load)."""
