"""Queries over a loaded Dataset: filters, lookups, search and the counts. Pure functions that
take records and plain values and return records; no printing, no parsing of user text."""
