"""The use cases: what each page shows and does, once, for pages, the CLI and the workshop alike."""
