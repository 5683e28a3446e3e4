"""From an uploaded file to checked rows: read, find tables, parse values, validate."""
