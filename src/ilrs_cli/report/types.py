"""The types of report an answer gives, named once: each report class says which it is, and
the format registry (`render/__init__.py`) says which types each format renders."""

from __future__ import annotations

from enum import Enum


class ReportType(str, Enum):
    LISTING = "listing"  # report.listing.Listing: the rows of a list command
    DETAIL = "detail"  # report.details.Detail: one record, or the dataset, in full
    BIBLIOGRAPHY = "bibliography"  # report.citations.Bibliography: sources to cite
