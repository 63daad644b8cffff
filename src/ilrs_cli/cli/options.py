"""The options several commands share, declared once as Annotated types."""

from __future__ import annotations

from typing import Annotated

import typer

from ..core.vocab import Camp
from ..render import Format
from .completion import (
    complete_country,
    complete_fields,
    complete_mission,
    complete_region,
    complete_sort,
)

FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format: table (the default), json, csv, spreadsheet (CSV that Excel and "
        "LibreOffice open in UTF-8), ndjson (one JSON object a line) or ids (one id a line).",
        show_default=False,
    ),
]
JsonFlag = Annotated[
    bool, typer.Option("--json", help="Same as --format json: plain json.dumps, never wrapped.")
]
CsvFlag = Annotated[
    bool, typer.Option("--csv", help="Same as --format csv: a header row; lists joined with '; '.")
]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,C",
        help="Only these fields, in this order (JSON keys, CSV and table columns).",
        autocompletion=complete_fields,
        show_default=False,
    ),
]
SortOption = Annotated[
    str | None,
    typer.Option(
        "--sort",
        metavar="FIELD",
        help="Sort by this field; -FIELD sorts in reverse.",
        autocompletion=complete_sort,
        show_default=False,
    ),
]
LimitOption = Annotated[
    int | None,
    typer.Option("--limit", min=1, metavar="N", help="At most N rows.", show_default=False),
]
CountryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        "-c",
        metavar="COUNTRY",
        help="Country or region: name, alternative name or ISO 3166 code "
        "(Turkey, Türkiye, TR, TUR). Repeat for any of several.",
        autocompletion=complete_country,
        show_default=False,
    ),
]
CountByOption = Annotated[
    str | None,
    typer.Option(
        "--count-by",
        metavar="FIELD",
        help="Count rows by this field: rows of value and count, most frequent first (a list "
        "field counts each element). `year` counts dates by year, in year order, every year "
        "shown, undated last.",
        autocompletion=complete_fields,
        show_default=False,
    ),
]
RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        "-r",
        metavar="REGION",
        help="A UN M49 region or sub-region (Africa, Western Asia, Latin America, ...) or a "
        "grouping (Middle East, MENA, Arab states, Gulf states, Southeast Asia, European "
        "Union; see docs/regions.md), any case.",
        autocompletion=complete_region,
        show_default=False,
    ),
]
CumulativeFlag = Annotated[
    bool,
    typer.Option(
        "--cumulative", help="With --count-by: add a running total (per year, with year)."
    ),
]
InOption = Annotated[
    Camp | None,
    typer.Option(
        "--in",
        metavar="CAMP",
        help="Only countries in this camp: ilrs, artemis (the Artemis Accords), both, "
        "ilrs-only, artemis-only or neither.",
        show_default=False,
    ),
]
FailEmptyFlag = Annotated[
    bool,
    typer.Option("--fail-empty", help="Exit with code 3 when nothing matches (default: 0)."),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Judge at the end of this date (YYYY, YYYY-MM or YYYY-MM-DD), on or before the "
        "data's own as-of date.",
        show_default=False,
    ),
]
MissionOption = Annotated[
    list[str] | None,
    typer.Option(
        "--mission",
        "-m",
        metavar="MISSION",
        help="Only this mission: Chang'e-7, Chang'e-8 or ILRS (CE-8 and change8 work "
        "too). Repeat for any of several.",
        autocompletion=complete_mission,
        show_default=False,
    ),
]
