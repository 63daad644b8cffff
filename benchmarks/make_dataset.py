"""Write a synthetic, valid dataset of about N records, for benchmarks/startup.py.

    python benchmarks/make_dataset.py 10000 /tmp/ilrs-10k.toml

Standard library only. The records are made up; nothing here is data about the world.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = """[dataset]
title = "Synthetic benchmark dataset"
version = "0.0.0"
as_of = "2026-04-13"

[places]
"Turkey" = "TR"
"China" = "CN"
"""


def dataset_text(records: int) -> str:
    """About `records` records: 1% sources, 20% institutions, 30% payloads, 30% members, the
    ILRS mission and the rest events, each citing a source."""
    sources = max(1, records // 100)
    institutions = max(1, records * 20 // 100)
    payloads = records * 30 // 100
    members = records * 30 // 100
    events = max(0, records - sources - institutions - payloads - members)
    parts = [HEADER]

    def cite(number: int) -> str:
        return f'sources = [{{ id = "source-{number % sources}", at = "page" }}]\n'

    for number in range(sources):
        parts.append(
            f'\n[[sources]]\nid = "source-{number}"\ntitle = "Source {number}"\n'
            f'publisher = "Publisher {number}"\nurl = "https://example.org/{number}"\n'
        )
    for number in range(institutions):
        country = "Turkey" if number % 2 else "China"
        parts.append(
            f'\n[[institutions]]\nid = "institution-{number}"\nname = "Institution {number}"\n'
            f'country = "{country}"\n' + cite(number)
        )
    for number in range(payloads):
        first, second = number % institutions, (number + 1) % institutions
        parts.append(
            f'\n[[payloads]]\nid = "payload-{number}"\nname = "Payload {number}"\n'
            f'kind = "instrument"\ndescription = "Synthetic payload {number}."\n'
            f'institutions = ["institution-{first}", "institution-{second}"]\n' + cite(number)
        )
    for number in range(members):
        parts.append(
            f'\n[[members]]\nid = "member-{number}"\nname = "Member {number}"\n'
            f'country = "Turkey"\nlevel = "subnational"\nstatus = "reported"\n' + cite(number)
        )
    parts.append(
        '\n[[missions]]\nid = "ilrs"\nname = "ILRS"\nsources = [{ id = "source-0", at = "page" }]\n'
    )
    for number in range(events):
        parts.append(
            f'\n[[events]]\nid = "event-{number}"\ndate = "{2000 + number % 25}"\n'
            f'mission = "ILRS"\nstatus = "done"\nevent = "Synthetic event {number}"\n'
            + cite(number)
        )
    return "".join(parts)


def affiliated_text(members: int) -> str:
    """One organization and `members` members taking part through it: the shape that once
    made `members` quadratic."""
    parts = [
        HEADER,
        '\n[[sources]]\nid = "source-0"\ntitle = "Source"\npublisher = "P"\n'
        'url = "https://example.org/"\n',
        '\n[[members]]\nid = "org"\nname = "An organization"\nshort_name = "ORG"\n'
        'country = "international organization"\nlevel = "organization"\n'
        'status = "signed"\nsources = [{ id = "source-0", at = "page" }]\n',
    ]
    for number in range(members):
        parts.append(
            f'\n[[members]]\nid = "member-{number}"\nname = "Member {number}"\n'
            'country = "unknown"\nlevel = "affiliated"\nvia = "org"\nstatus = "reported"\n'
            'sources = [{ id = "source-0", at = "page" }]\n'
        )
    return "".join(parts)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: make_dataset.py RECORDS OUTPUT.toml", file=sys.stderr)
        return 2
    Path(argv[1]).write_text(dataset_text(int(argv[0])), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
