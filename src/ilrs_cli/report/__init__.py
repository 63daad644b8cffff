"""Reports: what each command answers, as neutral objects (listings of JSON-ready items with
their columns, one record in full, a bibliography) that any output format can render."""
