"""The declarations of the list commands about payloads, the two camps and the timeline
(report/commands.py lists every command that answers with a report)."""

from __future__ import annotations

from ..core.vocab import EventKind, EventStatus, Level, MemberStatus
from .list_fields import (
    COUNTRY_COLUMNS,
    EVENT_COLUMNS,
    EVENT_ORDER,
    FACT_COLUMNS,
    GROWTH_COLUMNS,
    MEMBER_COLUMNS,
    MEMBER_ORDER,
    PAYLOAD_COLUMNS,
    SIGNATORY_COLUMNS,
    SIGNATORY_ORDER,
    SIGNING_COLUMNS,
    SIGNING_ORDER,
)
from .params import (
    AS_OF,
    CAMP,
    CAMP_LEVEL,
    COUNTRY,
    DOCUMENTED,
    EVENTS_AFTER,
    EVENTS_BEFORE,
    MISSION,
    PLACES,
    REGION,
    SIGNED_AFTER,
    SIGNED_AS_OF,
    SIGNED_BEFORE,
    SIGNED_WHEN,
    WHERE,
    Command,
    Param,
    flag,
    texts,
)

LIST_COMMANDS = (
    Command(
        "payloads",
        """List the international payloads of every mission in the data: those selected for
    Chang'e-8 and those named for Chang'e-7 (--mission for one).

    A payload matches --country (or --region, or --in) when any of its partner institutions
    is from there. The title says which missions the list covers.

    \b
    Examples:
      ilrs payloads --country Turkey
      ilrs payloads --mission CE-8
      ilrs payloads --in artemis --fields name,mission,countries
    """,
        (COUNTRY, MISSION, REGION, CAMP),
        "payloads",
        api="payloads",
        columns=PAYLOAD_COLUMNS,
    ),
    Command(
        "members",
        """List ILRS participants: level, status and signing date.

    With --as-of, only those with an agreement documented as signed by then; participants
    without a signing date (or whose date spans that day) are named apart, never guessed in.

    \b
    Examples:
      ilrs members --national
      ilrs members --affiliated --json
      ilrs members --status signed --sort date --fields name,date
      ilrs members --national --as-of 2023-12-31
      ilrs members --in both --fields name,date,artemis
      ilrs members --national --count-by year --cumulative
    """,
        (
            flag("national", "Only national-level.", api=False),
            flag("subnational", "Only subnational entities.", api=False),
            flag("organization", "Only international organizations.", api=False),
            flag("affiliated", "Only those engaged through an organization.", api=False),
            Param("level", "choice", ("--level",), "Only this level.", choices=Level),
            Param(
                "status",
                "choice",
                ("--status",),
                "Only 'signed' (agreement documented) or 'reported' (a source only says so).",
                choices=MemberStatus,
            ),  # fmt: skip
            COUNTRY,
            REGION,
            AS_OF,
            SIGNED_AFTER,
            SIGNED_BEFORE,
            CAMP,
        ),  # fmt: skip
        "members",
        api="members",
        columns=MEMBER_COLUMNS,
        default_sort=MEMBER_ORDER,
    ),
    Command(
        "artemis",
        """List the Artemis Accords signatories: date, order, who signed, and each country's
    ILRS standing and payloads.

    The tool covers the Accords only beside the ILRS and the Chang'e payloads: signatories
    with their sourced dates and ordinals, not the Accords' text or other space policy.

    \b
    Examples:
      ilrs artemis --partners
      ilrs artemis --in both --fields country,date,order,ilrs_standing,first
      ilrs artemis --count-by year --cumulative
      ilrs artemis --as-of 2022 --region "Middle East"
    """,
        (
            *WHERE,
            texts(
                "mission",
                ("--mission", "-m"),
                "MISSION",
                "Only countries with a payload partner on this mission (Chang'e-7, "
                "Chang'e-8); repeat for any of several.",
                "complete_mission",
            ),  # fmt: skip
            flag("partners", "Only countries with a partner in a payload (any mission)."),
            *SIGNED_WHEN,
        ),
        "signatories",
        api="signatories",
        columns=SIGNATORY_COLUMNS,
        default_sort=SIGNATORY_ORDER,
    ),
    Command(
        "signings",
        """The signings of both camps on one timeline: ILRS agreements and Artemis Accords
    signings, in date order.

    ILRS rows are each participant's first documented agreement (every level); participants
    with no signing date are left out (`ilrs members` lists them).

    \b
    Examples:
      ilrs signings --after 2023 --before 2024
      ilrs signings --in both
      ilrs signings --in both --documented --level national
      ilrs signings --country Senegal --json
      ilrs signings --count-by camp
    """,
        (*WHERE, *SIGNED_WHEN),
        "signings",
        api="signings",
        columns=SIGNING_COLUMNS,
        default_sort=SIGNING_ORDER,
    ),
    Command(
        "growth",
        """How both camps grew, year by year, side by side: signings each year and cumulative
    totals, every year from the first to the last, undated ILRS participants on a last row.

    ILRS: national participants by default (--level for others; --documented for those
    with an agreement documented), in the year of their first documented agreement. Artemis
    Accords: signatories, in the year they signed.

    \b
    Examples:
      ilrs growth
      ilrs growth --level national --level organization
      ilrs growth --documented
      ilrs growth --region Africa --as-of 2024
      ilrs growth --after 2020 --before 2024
      ilrs growth --csv > growth.csv
    """,
        (
            COUNTRY,
            REGION,
            CAMP_LEVEL,
            DOCUMENTED,
            SIGNED_AS_OF,
            SIGNED_AFTER,
            SIGNED_BEFORE,
        ),  # fmt: skip
        "growth",
        omit=frozenset({"sort", "count_by", "cumulative"}),
        api="growth",
        columns=GROWTH_COLUMNS,
    ),
    Command(
        "timeline",
        """List dated events: selection, ILRS signings, launches.

    Dates keep their precision (2026, 2028/2029, 2030s). A date that is a span matches
    --after and --before when any part of it does, so "2028/2029" is on or after 2029.

    Status is planned or done at the data's as-of date, or with --as-of at the end of that
    date: done once the whole span has passed, planned while it is ahead, uncertain when
    the span covers the date.

    An event matches --country (or --region, or --in) when a place it names is from there:
    the signing event of a participant of that place, or an event whose text names the
    place, or one of its institutions or participants, as whole words (docs/json.md).

    \b
    Examples:
      ilrs timeline --after 2025 --mission Chang'e-8
      ilrs timeline --country Pakistan
      ilrs timeline --json | jq '.[].event'
      ilrs timeline --as-of 2024-06 --mission ILRS
    """,
        (
            EVENTS_AFTER,
            EVENTS_BEFORE,
            MISSION,
            AS_OF,
            Param(
                "kind",
                "choices",
                ("--kind", "-k"),
                "Only events of this kind; repeat for several.",
                choices=EventKind,
            ),
            Param(
                "status",
                "choice",
                ("--status",),
                "Only planned or done events (as judged at --as-of).",
                choices=EventStatus,
            ),
            *PLACES,
        ),  # fmt: skip
        "timeline",
        api="timeline",
        columns=EVENT_COLUMNS,
        default_sort=EVENT_ORDER,
    ),
    Command(
        "mission",
        """The Chang'e-8 fact sheet, with the ILRS headline figures, each fact with its sources.

    Landing site, launch window, payload mass offered, selection, rovers on board, ISRU,
    its role as an ILRS precursor (with Chang'e-7), and the ILRS participation figures.

    \b
    Examples:
      ilrs mission
      ilrs mission --mission ILRS --json
    """,
        (MISSION,),
        "facts",
        omit=frozenset({"sort", "limit", "count_by", "cumulative"}),
        api="facts",
        columns=FACT_COLUMNS,
    ),
    Command(
        "countries",
        """Every country and region in the data: where it stands between the ILRS and the
    Artemis Accords, its ILRS part, its Accords signing, payloads and institutions.

    Camps come from the records: an ILRS participation of any level or status (China leads
    the ILRS) and an Accords signing, of the place or of the country it lies in (Hawaii via
    the United States, Hong Kong via China). --documented counts only documented agreements
    and a place's own signing; --level only ILRS records of that level. `neither` means
    neither among the places the data names; the data is not a list of the world.

    \b
    Examples:
      ilrs countries --country Egypt
      ilrs countries --in both --fields country,ilrs_standing,artemis,first
      ilrs countries --in both --documented --level national
      ilrs countries --count-by camps
      ilrs countries --csv > countries.csv
    """,
        WHERE,
        "countries",
        api="countries",
        columns=COUNTRY_COLUMNS,
    ),
)
