"""What each command that answers with a report asks of the library, from its own options:
a function of the dataset (of nothing, for a command that reads none) that returns the report.

One function a command, named as the command's function in `app` and taking its options by
the same names. The Typer commands and the fast answer path (`fast_answers`) both call these,
so this module imports neither Typer, Click nor pydantic.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.errors import QueryError
from . import inputs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from ..core.records import Dataset
    from ..core.vocab import Camp, EventKind, EventStatus, Level, MemberStatus
    from ..render import Report
    from ..report.answers import Texts

    Answer = Callable[[Dataset], Report]  # what a command returns: how to answer
    DataFree = Callable[[], Report]  # the same, for a command that reads no dataset


def payloads(country: Texts = None, mission: Texts = None, region: str | None = None,
             camp: Camp | None = None) -> Answer:  # fmt: skip
    from ..report import answers

    return lambda dataset: answers.payloads(
        dataset, country=country, mission=mission, region=region, camp=camp
    )


def members(
    national: bool = False, subnational: bool = False, organization: bool = False,
    affiliated: bool = False, level: Level | None = None, status: MemberStatus | None = None,
    country: Texts = None, region: str | None = None, as_of: str | None = None,
    after: str | None = None, before: str | None = None, camp: Camp | None = None,
) -> Answer:  # fmt: skip
    from ..report import answers

    wanted = inputs.one_level(level, national, subnational, organization, affiliated)
    return lambda dataset: answers.members(
        dataset, level=wanted, status=status, country=country, region=region, as_of=as_of,
        after=after, before=before, camp=camp,
    )  # fmt: skip


def artemis(
    country: Texts = None, region: str | None = None, camp: Camp | None = None,
    mission: Texts = None, partners: bool = False, as_of: str | None = None,
    after: str | None = None, before: str | None = None,
) -> Answer:  # fmt: skip
    from ..report import answers

    return lambda dataset: answers.signatories(
        dataset, country=country, region=region, camp=camp, mission=mission, partners=partners,
        as_of=as_of, after=after, before=before,
    )  # fmt: skip


def signings(
    country: Texts = None, region: str | None = None, camp: Camp | None = None,
    as_of: str | None = None, after: str | None = None, before: str | None = None,
) -> Answer:  # fmt: skip
    from ..report import answers

    return lambda dataset: answers.signings(
        dataset, country=country, region=region, camp=camp, as_of=as_of, after=after,
        before=before,
    )  # fmt: skip


def growth(country: Texts = None, region: str | None = None, level: list[Level] | None = None,
           as_of: str | None = None) -> Answer:  # fmt: skip
    from ..report import answers

    return lambda dataset: answers.growth(
        dataset, country=country, region=region, level=level, as_of=as_of
    )


def timeline(
    after: str | None = None, before: str | None = None, mission: Texts = None,
    as_of: str | None = None, kind: list[EventKind] | None = None,
    status: EventStatus | None = None,
) -> Answer:  # fmt: skip
    from ..report import answers

    return lambda dataset: answers.timeline(
        dataset, after=after, before=before, mission=mission, as_of=as_of, kind=kind,
        status=status,
    )  # fmt: skip


def mission(mission: Texts = None) -> Answer:
    from ..report import answers

    return lambda dataset: answers.facts(dataset, mission=mission)


def countries(country: Texts = None, region: str | None = None,
              camp: Camp | None = None) -> Answer:  # fmt: skip
    from ..report import answers

    return lambda dataset: answers.countries(dataset, country=country, region=region, camp=camp)


def show(record_id: str) -> Answer:
    from ..report import answers

    return lambda dataset: answers.show(dataset, record_id=record_id)


def search(text: str) -> Answer:
    from ..report import answers

    return lambda dataset: answers.search(dataset, text=text)


def info() -> Answer:
    from ..report import answers

    return answers.info


def sources(cited_by: str | None = None) -> Answer:
    from ..report import answers

    return lambda dataset: answers.sources(dataset, cited_by=cited_by)


def cite(record_ids: list[str] | None = None, every: bool = False) -> Answer:
    from ..report import answers

    wanted = inputs.ids_from(record_ids or [])
    if not wanted and not every:
        raise QueryError(
            "id", "give at least one record id, `-` to read ids from standard input, or --all "
            "for every source",
        )  # fmt: skip
    return lambda dataset: answers.cite(dataset, record_ids=wanted, every=every)


def diff_command(paths: list[Path] | None = None, bundled: bool = False) -> DataFree:
    from ..report.diff import diff

    return lambda: diff(*inputs.diff_sides(list(paths or []), bundled))


def list_fields(command: str | None = None) -> DataFree:
    from ..report import answers

    return lambda: answers.fields(command=command)
