"""Analytics, use cases, import/export, demo data and the command line."""
