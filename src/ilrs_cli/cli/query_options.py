"""The options and arguments that say what a command is asked (countries, regions, camps,
missions, dates, levels, ids), each declared once as an Annotated type for every command that
takes it. The output options are in `output_options`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..core.kinds import kind_names
from ..core.vocab import Camp, EventKind, EventStatus, Level, MemberStatus
from .completion import (
    complete_country,
    complete_id,
    complete_list_command,
    complete_mission,
    complete_region,
)
from .inputs import MAX_STDIN_IDS

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
SignedAfterOption = Annotated[
    str | None,
    typer.Option(
        "--after",
        metavar="DATE",
        show_default=False,
        help="Only signings on or after this date (YYYY, YYYY-MM, YYYY-MM-DD; inclusive).",
    ),
]
SignedBeforeOption = Annotated[
    str | None,
    typer.Option(
        "--before",
        metavar="DATE",
        show_default=False,
        help="Only signings on or before this date (inclusive).",
    ),
]
SignedAsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Only those signed by the end of this date (YYYY and YYYY-MM mean their last "
        "day), on or before the data's own as-of date.",
        show_default=False,
    ),
]
EventAfterOption = Annotated[
    str | None,
    typer.Option(
        "--after",
        metavar="DATE",
        help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
        show_default=False,
    ),
]
EventBeforeOption = Annotated[
    str | None,
    typer.Option(
        "--before",
        metavar="DATE",
        help="Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).",
        show_default=False,
    ),
]
EventKindsOption = Annotated[
    list[EventKind] | None,
    typer.Option(
        "--kind", "-k", help="Only events of this kind; repeat for several.", show_default=False
    ),
]
EventStatusOption = Annotated[
    EventStatus | None,
    typer.Option(
        "--status", help="Only planned or done events (as judged at --as-of).", show_default=False
    ),
]
NationalFlag = Annotated[bool, typer.Option("--national", help="Only national-level.")]
SubnationalFlag = Annotated[bool, typer.Option("--subnational", help="Only subnational entities.")]
OrganizationFlag = Annotated[
    bool, typer.Option("--organization", help="Only international organizations.")
]
AffiliatedFlag = Annotated[
    bool, typer.Option("--affiliated", help="Only those engaged through an organization.")
]
LevelOption = Annotated[
    Level | None, typer.Option("--level", help="Only this level.", show_default=False)
]
LevelsOption = Annotated[
    list[Level] | None,
    typer.Option(
        "--level",
        help="ILRS participants of this level (default national); repeat for several.",
        show_default=False,
    ),
]
MemberStatusOption = Annotated[
    MemberStatus | None,
    typer.Option(
        "--status",
        help="Only 'signed' (agreement documented) or 'reported' (a source only says so).",
        show_default=False,
    ),
]
PartnersFlag = Annotated[
    bool,
    typer.Option("--partners", help="Only countries with a partner in a payload (any mission)."),
]
PartnerMissionOption = Annotated[
    list[str] | None,
    typer.Option(
        "--mission",
        "-m",
        metavar="MISSION",
        help="Only countries with a payload partner on this mission (Chang'e-7, "
        "Chang'e-8); repeat for any of several.",
        autocompletion=complete_mission,
        show_default=False,
    ),
]
CitedByOption = Annotated[
    str | None,
    typer.Option(
        "--cited-by",
        metavar="ID",
        help="Only the sources of this record (any id, or a country name).",
        autocompletion=complete_id,
        show_default=False,
    ),
]
RecordIdArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="A record id: " + kind_names() + ".",
        autocompletion=complete_id,
        show_default=False,
    ),
]
RecordIdsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="ID",
        help="Record ids (" + kind_names() + "), any case, or a country name; `-` "
        f"reads ids from standard input, one a line (at most {MAX_STDIN_IDS:,}). None with --all.",
        autocompletion=complete_id,
        show_default=False,
    ),
]
AllFlag = Annotated[bool, typer.Option("--all", help="Cite the sources of every record.")]
SearchTextArgument = Annotated[
    str,
    typer.Argument(
        metavar="TEXT",
        help="Text to find (at most 200 characters, 20 words); case and accents do not matter.",
    ),
]
DiffPathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="OLD NEW",
        help="Two dataset files, OLD then NEW; with --bundled, one file: OLD (the bundled "
        "dataset is NEW).",
        show_default=False,
    ),
]
BundledFlag = Annotated[
    bool,
    typer.Option("--bundled", help="Compare the file given (OLD) with the bundled dataset (NEW)."),
]
ListCommandArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="[COMMAND]",
        help="A list command (payloads, members, ...); without it, every list command. "
        "Tab completes the names.",
        autocompletion=complete_list_command,
        show_default=False,
    ),
]

# The options of the list commands generated from report.list_commands, by the names of the
# filters they take (query.record_filters).
RECORD_FILTER_OPTIONS: dict[str, object] = {"country": CountryOption, "mission": MissionOption}
