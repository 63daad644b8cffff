"""Unit tests of the library beneath the command line: the registry, filters, search, shaping
and each renderer, on the frozen fixture dataset."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ilrs_cli.core.countries import resolve_country
from ilrs_cli.core.errors import QueryError
from ilrs_cli.core.kinds import KINDS, LISTED, all_records
from ilrs_cli.core.matching import fold
from ilrs_cli.core.records import Dataset
from ilrs_cli.core.safe_text import escape
from ilrs_cli.core.schema import TABLES
from ilrs_cli.load import load_dataset
from ilrs_cli.query import filters
from ilrs_cli.query.figures import record_counts, signing_count
from ilrs_cli.query.lookup import find, resolve_mission
from ilrs_cli.query.search import search
from ilrs_cli.render import FORMATS, Format, formats_for, render, render_bytes
from ilrs_cli.report import answers
from ilrs_cli.report.listing import shape
from ilrs_cli.report.types import ReportType
from tests.conftest import FROZEN


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(FROZEN)


def test_every_kind_has_a_table_record_fields_it_declares_and_an_object_of_them(
    data: Dataset,
) -> None:
    from ilrs_cli.core.kinds import records_of
    from ilrs_cli.report import items

    assert set(items.ITEM_BUILDERS) <= {kind.name for kind in KINDS}
    for kind in KINDS:
        declared = {field.target for field in TABLES[kind.plural].fields}
        # an attribute for each field code reads; the others in `extra`
        assert set(kind.record_type._fields) - {"extra"} <= declared, kind.name
        assert "extra" in kind.record_type._fields, kind.name
        record = records_of(data, kind)[0]
        keys = list(items.record_item(kind, record, data))
        assert {field.name for field in TABLES[kind.plural].fields} <= set(keys), kind.name
    assert sorted(kind.listed for kind in LISTED) == list(range(len(KINDS)))


def test_counts_have_one_definition(data: Dataset) -> None:
    counts = record_counts(data)
    assert counts["events"] == len(data.events)
    assert signing_count(data) == sum(m.date is not None for m in data.members)
    assert sum(counts.values()) == sum(1 for _ in all_records(data))


def test_filters_by_country_and_mission(data: Dataset) -> None:
    turkey = resolve_country("Türkiye", data.places)
    assert turkey.code == "TR"
    found = filters.payloads_from(data, [turkey])
    assert [p.id for p in found] == ["micro-rovers"]
    assert filters.payloads_from(data, [turkey], ["ILRS"]) == []
    assert resolve_mission(data, "ce8") == "Chang'e-8"
    with pytest.raises(QueryError) as error:
        resolve_mission(data, "Apollo")
    assert error.value.argument == "mission"


def test_signed_by_splits_members_three_ways(data: Dataset) -> None:
    import datetime

    signed, spanning, undated = filters.signed_by(data.members, datetime.date(2023, 12, 31))
    assert all(m.date is not None and m.date.end <= datetime.date(2023, 12, 31) for m in signed)
    assert all(m.date is None for m in undated if m.status.value == "reported")
    assert not set(signed) & set(spanning)


def test_search_reads_the_attributes_the_registry_names(data: Dataset) -> None:
    hits = search(data, "zhejiang")
    assert {hit.kind.name for hit in hits} >= {"payload", "institution"}
    assert find(data, " Micro-Rovers ").kind.name == "payload"
    turkey = find(data, "Türkiye")
    assert (turkey.kind.name, turkey.record.id) == ("member", "turkey")
    assert [record.id for _, record in turkey.others] == ["micro-rovers"]


def test_shape_chooses_sorts_and_limits(data: Dataset) -> None:
    listing = answers.members(data, level="national")
    shaped = shape(listing, fields="name,date", sort="-date", limit=2)
    assert shaped.selected == ("name", "date")
    assert len(shaped.items) == 2
    dates = [item["date"] for item in listing.items if item["date"]]
    assert shaped.items[0]["date"] == max(dates)
    with pytest.raises(QueryError) as error:
        shape(listing, fields="nmae")
    assert error.value.argument == "fields"


@pytest.mark.parametrize("fmt", formats_for(ReportType.LISTING))
def test_each_listing_format_renders_every_row(data: Dataset, fmt: Format) -> None:
    """A binary format (a workbook) is bytes, which `render` refuses and `render_bytes`
    gives (its cells are read in tests/test_xlsx.py); every other format is text."""
    listing = answers.payloads(data, country="Egypt")
    if FORMATS[fmt].binary:
        with pytest.raises(ValueError, match="not text: use render_bytes"):
            render(listing, fmt)
        assert fmt is Format.XLSX and render_bytes(listing, fmt).startswith(b"PK\x03\x04")
        return
    text = render(listing, fmt)
    assert render_bytes(listing, fmt) == (text + ("" if text.endswith("\n") else "\n")).encode()
    assert "imaging" in text.lower()  # every format shows the one payload, by id or name
    if fmt is Format.JSON:
        assert [item["id"] for item in json.loads(text)] == ["imaging-system"]
    elif fmt is Format.NDJSON:
        assert [json.loads(line)["id"] for line in text.splitlines()] == ["imaging-system"]
    elif fmt is Format.IDS:
        assert text == "imaging-system"
    elif fmt is Format.CSV:
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [row["id"] for row in rows] == ["imaging-system"]
    elif fmt is Format.TABLE:
        assert "Visible and" in text and "EGSA" in text


@pytest.mark.parametrize("fmt", formats_for(ReportType.BIBLIOGRAPHY))
def test_each_citation_format_names_every_source(data: Dataset, fmt: Format) -> None:
    bibliography = answers.cite(data, ["imaging-system"])
    text = render(bibliography, fmt)
    for reference in bibliography.references:
        assert reference.source.url.split("//")[1][:20] in text


def test_a_format_refuses_a_report_it_cannot_render(data: Dataset) -> None:
    with pytest.raises(ValueError, match="use one of: text, bibtex, csl-json"):
        render(answers.cite(data, ["egypt"]), Format.CSV)
    assert set(FORMATS) == set(Format)


def test_text_helpers() -> None:
    assert fold("  Türkiye! ") == "turkiye"
    assert escape("a\x1b]52;c;\x07b\u202e\n") == "a\\x1b]52;c;\\x07b\\u202e\\n"
    assert escape("line\nnext", keep_newlines=True) == "line\nnext"


def test_the_region_table_is_generated_from_country_converter() -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "make_regions.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


def test_regions_resolve_any_case_and_suggest() -> None:
    from ilrs_cli.core.regions import region_of, resolve_region

    assert resolve_region("sub-saharan AFRICA")[0] == "Sub-Saharan Africa"
    assert "TR" in resolve_region("western asia")[1]
    assert region_of("US-HI") == ("Americas", "Northern America")
    with pytest.raises(QueryError, match="did you mean Asia"):
        resolve_region("Asai")


def test_a_month_ends_on_its_last_day_in_every_year_and_month() -> None:
    import calendar
    import datetime

    from ilrs_cli.core.dates import parse_dataset_date

    for year in (1, 1900, 2000, 2023, 2024, 2100, 9999):
        for month in range(1, 13):
            when = parse_dataset_date(f"{year:04d}-{month:02d}")
            last = calendar.monthrange(year, month)[1]
            assert (when.start, when.end) == (
                datetime.date(year, month, 1), datetime.date(year, month, last)
            )  # fmt: skip
    for wrong in ("2024-13", "2024-00"):
        with pytest.raises(ValueError):
            parse_dataset_date(wrong)
