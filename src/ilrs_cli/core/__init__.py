"""The core: record types, the registry of record kinds, dates, countries, text and errors.

Nothing here knows about files, the command line or output formats."""
