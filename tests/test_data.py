"""The bundled dataset itself: sourced, consistent with the article, valid codes, and the
corrections of data release 1.1.0, each tested with the source that shows it."""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
import pytest

from ilrs_cli.core.records import Citation, Dataset
from ilrs_cli.load import load_dataset
from ilrs_cli.load.reader import bundled_path

ARTICLE_PARAGRAPHS = 21
DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "chang8.toml"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def all_citations(dataset: Dataset) -> list[tuple[str, Citation]]:
    records = [
        *dataset.institutions,
        *dataset.payloads,
        *dataset.members,
        *dataset.missions,
        *dataset.events,
        *dataset.facts,
        *dataset.signatories,
    ]
    return [(record.id, citation) for record in records for citation in record.sources]


def record(dataset: Dataset, kind: str, record_id: str):  # noqa: ANN201 - any record type
    (found,) = [item for item in getattr(dataset, kind) if item.id == record_id]
    return found


def cited(item: object) -> set[str]:
    return {citation.source.id for citation in item.sources}  # type: ignore[attr-defined]


# --- The file as a whole ------------------------------------------------------------------


def test_the_bundled_file_is_the_repository_file(dataset: Dataset) -> None:
    assert Path(bundled_path()).name == "chang8.toml"
    assert dataset.bundled
    assert dataset.info.version == "1.3.0"


def test_as_of_is_the_date_of_the_newest_source(dataset: Dataset) -> None:
    newest = max(source.date.start for source in dataset.sources if source.date)
    assert dataset.info.as_of == newest
    assert dataset.info.as_of.isoformat() == "2026-04-13"


def test_no_source_is_dated_after_the_as_of_date(dataset: Dataset) -> None:
    for source in dataset.sources:
        if source.date:
            assert source.date.start <= dataset.info.as_of, source.id


def test_record_counts(dataset: Dataset) -> None:
    by_mission: dict[str | None, int] = {}
    for payload in dataset.payloads:
        by_mission[payload.mission] = by_mission.get(payload.mission, 0) + 1
    assert by_mission == {"Chang'e-8": 10, "Chang'e-7": 5}
    used = {inst.id for payload in dataset.payloads for inst in payload.institutions}
    assert {inst.id for inst in dataset.institutions} == used
    assert len(dataset.facts) >= 15


def test_chang_e_8_partners_match_cnsa_figures(dataset: Dataset) -> None:
    # CNSA: 10 projects from 11 countries and regions and one international organization.
    ce8 = [payload for payload in dataset.payloads if payload.mission == "Chang'e-8"]
    places = {place.code for payload in ce8 for place in payload.places}
    assert len(places - {"CN"}) == 11
    organizations = {
        inst.id
        for payload in ce8
        for inst in payload.institutions
        if inst.place.name == "international organization"
    }
    assert organizations == {"istvs"}


def test_every_payload_has_a_mission_and_a_source(dataset: Dataset) -> None:
    missions = {mission.name for mission in dataset.missions}
    for payload in dataset.payloads:
        assert payload.mission in missions, payload.id
        assert payload.institutions and payload.sources, payload.id


def test_article_citations_name_real_paragraphs(dataset: Dataset) -> None:
    for record_id, citation in all_citations(dataset):
        if citation.source.id != "spacenews":
            continue
        match = re.fullmatch(r"paragraphs? (\d+(?:, \d+)*)", citation.at)
        assert match, (record_id, citation.at)
        numbers = [int(number) for number in match[1].split(", ")]
        assert all(1 <= number <= ARTICLE_PARAGRAPHS for number in numbers), record_id


def test_every_source_is_used(dataset: Dataset) -> None:
    used = {citation.source.id for _, citation in all_citations(dataset)}
    assert {source.id for source in dataset.sources} - used == set()


def test_place_codes_are_real_iso_3166_codes(dataset: Dataset) -> None:
    for place in dataset.places:
        if place.code is None:
            continue
        if "-" in place.code:
            assert pycountry.subdivisions.get(code=place.code) is not None, place
        else:
            assert pycountry.countries.get(alpha_2=place.code) is not None, place


def test_planned_and_done_agree_with_the_as_of_date(dataset: Dataset) -> None:
    as_of = dataset.info.as_of
    for event in dataset.events:
        if event.status.value == "done":
            assert event.date.start <= as_of, event.id
        else:
            assert event.date.end >= as_of, event.id


def test_reported_members_have_no_signing_date(dataset: Dataset) -> None:
    for member in dataset.members:
        if member.status.value == "reported":
            assert member.date is None, member.id


def test_the_file_names_no_path_of_a_machine() -> None:
    text = DATA_FILE.read_text(encoding="utf-8")
    for fragment in ("/tmp/", "/work/", "/home/", "/root/", "file://"):
        assert fragment not in text, fragment


def test_the_toml_parser_is_tomli(monkeypatch: pytest.MonkeyPatch) -> None:
    """tomli on every Python: declared in pyproject.toml, and faster than tomllib."""
    import tomli

    from ilrs_cli.load import reader

    monkeypatch.setattr(tomli, "loads", lambda text: {"parsed by": "tomli", "text": text})
    assert reader.parse_toml("a = 1", "test") == {"parsed by": "tomli", "text": "a = 1"}


def test_mission_facts_cover_the_articles_questions(dataset: Dataset) -> None:
    facts = {fact.id: fact for fact in dataset.facts}
    assert "Mons Mouton" in facts["ce8-landing-site"].text
    assert "Leibnitz Beta" in facts["ce8-landing-site"].text
    assert "shadowed" in facts["ce8-landing-site"].text
    assert facts["ce8-launch-window"].text == "2028 or 2029."
    assert "200 kg" in facts["ce8-payload-mass"].text
    assert "3D printing bricks" in facts["ce8-isru"].text
    assert "China's own, Pakistan's" in facts["ce8-rovers"].text
    assert "17 countries" in facts["ilrs-participation"].text
    assert "over 50 international research institutions" in facts["ilrs-participation"].text
    assert "50 countries" in facts["ilrs-targets"].text


# --- Corrections in 1.1.0, each with the source that shows it --------------------------------


def test_ilrs_participation_says_international_not_foreign_spacenews_p18(
    dataset: Dataset,
) -> None:
    fact = record(dataset, "facts", "ilrs-participation")
    assert "foreign" not in fact.text
    assert {"spacenews", "xinhua-2025-04-23"} <= cited(fact)


def test_ilrs_participation_figures_drops_brief_news(dataset: Dataset) -> None:
    event = record(dataset, "events", "ilrs-participation-figures")
    assert cited(event) == {"spacenews", "xinhua-2025-04-23"}
    assert "brief-news-2025-04-25" not in {source.id for source in dataset.sources}
    assert "Bian Zhigang" in (event.note or "")


def test_ce8_rovers_names_come_from_paragraph_9_spacenews(dataset: Dataset) -> None:
    fact = record(dataset, "facts", "ce8-rovers")
    assert [citation.at for citation in fact.sources] == ["paragraphs 3, 9"]
    assert "ride on the lander" not in fact.text


def test_ilrs_targets_chief_designer_title_from_spacenews_2024_07(dataset: Dataset) -> None:
    fact = record(dataset, "facts", "ilrs-targets")
    assert "chief designer" in fact.text
    assert "spacenews-2024-07" in cited(fact)


def test_shortlist_of_14_is_cited_to_pages_that_give_it_gmw_copernical(dataset: Dataset) -> None:
    # shine-2025-04-24 (Xinhua) gives the 41 proposals but not the shortlist of 14.
    for kind, record_id in (("facts", "ce8-selection"), ("events", "ce8-payloads-selected")):
        item = record(dataset, kind, record_id)
        text = getattr(item, "text", None) or getattr(item, "note", "")
        assert "14" in text
        assert cited(item) & {"gmw-2025-04-24", "copernical-2025-04-24", "zdbk-cnsa-release"}


def test_letters_of_intent_due_2023_12_31_spacemart_xinhua(dataset: Dataset) -> None:
    event = record(dataset, "events", "ce8-letters-of-intent-due")
    assert event.date.text == "2023-12-31"
    assert {"scmp-3236807", "spacemart-2023-10-04"} <= cited(event)


def test_call_for_partners_cites_xinhua_not_the_content_farm_spacemart(dataset: Dataset) -> None:
    event = record(dataset, "events", "ce8-call-for-partners")
    assert "spacemart-2023-10-04" in cited(event)
    assert "britishnewsagency-170" not in {source.id for source in dataset.sources}


def test_venezuela_signer_is_the_science_minister_spacenews_venezuela(dataset: Dataset) -> None:
    venezuela = record(dataset, "members", "venezuela")
    assert "Gabriela Jimenez" in (venezuela.agreement or "")
    assert "Bolivarian Space Agency" in (venezuela.agreement or "")
    assert "spacenews-venezuela" in cited(venezuela)


def test_pakistan_signers_technologytimes(dataset: Dataset) -> None:
    pakistan = record(dataset, "members", "pakistan")
    assert "memorandum of understanding" in (pakistan.agreement or "")
    assert "Moin ul Haque" in (pakistan.agreement or "")
    assert "technologytimes-341814" in cited(pakistan)


def test_pakistan_rover_mou_is_cnsa_and_suparco_southasiatimes(dataset: Dataset) -> None:
    event = record(dataset, "events", "pakistan-rover-mou")
    assert event.event.startswith("CNSA and SUPARCO")
    assert event.date.text == "2025-02-05"
    # the year, which South Asia Times leaves out, from Daily The Patriot (1.3.0)
    assert cited(event) == {"southasiatimes-rover", "dailythepatriot-2025-02-06"}
    assert "gives 5 February 2025" in (event.note or "")


def test_egypt_signing_also_cites_people_2023_12_07(dataset: Dataset) -> None:
    egypt = record(dataset, "members", "egypt")
    assert egypt.date.text == "2023-12-06"
    assert {"spacenews-egypt", "people-2023-12-07"} <= cited(egypt)


def test_nicaragua_day_of_signing_spacenews_nicaragua(dataset: Dataset) -> None:
    nicaragua = record(dataset, "members", "nicaragua")
    assert nicaragua.date.text == "2024-04-24"
    assert {"spacenews-nicaragua", "fivesixgroup-apsco"} <= cited(nicaragua)
    assert "not the day" in (nicaragua.note or "")


def test_serbia_mou_signed_during_xi_visit_spacenews_serbianmonitor(dataset: Dataset) -> None:
    # 1.1.0 said "after the visit"; 1.2.0: SpaceNews and Serbian Monitor tie it to the visit.
    serbia = record(dataset, "members", "serbia")
    assert serbia.date.text == "2024-05-07/2024-05-08"
    assert "during" in (serbia.agreement or "")
    assert "No source gives the day" in (serbia.note or "")
    assert {"spacerfit-serbia", "serbianmonitor-xi-visit", "people-2024-05-09"} <= cited(serbia)


def test_kazakhstan_signed_at_the_sco_summit_in_astana_kursiv(dataset: Dataset) -> None:
    # 1.1.0 dropped "in Astana"; 1.2.0: Kursiv (4 July 2024) places it there.
    kazakhstan = record(dataset, "members", "kazakhstan")
    assert "SCO summit in Astana" in (kazakhstan.agreement or "")
    assert "Ministry of Digital Development" in (kazakhstan.agreement or "")
    assert {"techtag-kazakhstan", "astanatimes-2024-08", "kursiv-2024-07-04"} <= cited(kazakhstan)


def test_turkey_application_reported_2024_04_08_vestikavkaza(dataset: Dataset) -> None:
    event = record(dataset, "events", "turkey-applies")
    assert event.date.text == "2024-04-08"
    assert "Petrukovich" in (event.note or "")
    assert record(dataset, "members", "turkey").status.value == "reported"


def test_star_vision_private_comes_from_hzdaily(dataset: Dataset) -> None:
    star_vision = record(dataset, "institutions", "star-vision")
    assert star_vision.place.name == "China"
    assert {"chinadaily-2025-01-27", "hzdaily-2025-02-13"} <= cited(star_vision)
    assert "Hangzhou Daily calls it a private company" in (star_vision.note or "")
    assert "does not say private" in (star_vision.note or "")


def test_istvs_and_metu_chinese_names_cite_zdbk(dataset: Dataset) -> None:
    for institution_id in ("istvs", "metu"):
        institution = record(dataset, "institutions", institution_id)
        assert institution.name_zh
        assert "zdbk-cnsa-release" in cited(institution), institution_id


def test_extended_network_2045_dated_25_april_2024_cri(dataset: Dataset) -> None:
    event = record(dataset, "events", "ilrs-extended-network")
    assert "25 April 2024" in (event.note or "") and "2045" in (event.note or "")
    assert "cri-2024-04-26" in cited(event)
    assert "cri-2024-04-26" in cited(record(dataset, "events", "ilrs-basic-station"))


@pytest.mark.parametrize(
    ("member", "country"),
    [("bahrain", "bahrain"), ("peru", "peru"), ("thailand", "thailand"), ("senegal", "senegal"),
     ("switzerland-entities", "switzerland"), ("uae-entities", "united-arab-emirates"),
     ("panama-entities", "panama")],
)  # fmt: skip
def test_artemis_facts_live_in_signatory_records_not_member_notes(
    dataset: Dataset, member: str, country: str
) -> None:
    note = record(dataset, "members", member).note or ""
    assert "signed the Artemis Accords" not in note and "signatories" not in note
    assert record(dataset, "signatories", f"artemis-{country}").date is not None


def test_apsco_joint_statement_2023_hefei_dsel_source(dataset: Dataset) -> None:
    apsco = record(dataset, "members", "apsco")
    assert apsco.status.value == "signed"
    assert apsco.date.text == "2023-04-25"
    assert "Hefei" in (apsco.agreement or "") and "joint statement" in (apsco.agreement or "")
    assert {"dsel-tiandu-2023", "stdaily-2023-05-11"} <= cited(apsco)
    assert "24 April 2024" in (apsco.note or "")
    later = record(dataset, "events", "apsco-agreement-2024")
    assert later.date.text == "2024-04-24"
    assert cited(later) == {"fivesixgroup-apsco"}
    signing = record(dataset, "events", "apsco-signs")
    assert signing.date.text == "2023-04-25"


def test_russian_federal_space_agency_note_natureworldnews_and_iki_www1(dataset: Dataset) -> None:
    agency = record(dataset, "institutions", "russian-federal-space-agency")
    assert "abolished" in (agency.note or "") and "2016" in (agency.note or "")
    assert "natureworldnews-2015-12-29" in cited(agency)
    iki = record(dataset, "institutions", "iki")
    assert iki.place.name == "Russia"
    assert {"www1-2025-04-27", "voidum-12521"} <= cited(iki)


def test_russian_instrument_names_in_payload_notes_www1_source(dataset: Dataset) -> None:
    for payload_id, name in (
        ("plasma-dust-sensor", "LPDE-CE8"),
        ("ion-neutral-analyzer", "ALIEN-CE8"),
    ):
        payload = record(dataset, "payloads", payload_id)
        assert name in (payload.note or ""), payload_id
        assert "www1-2025-04-27" in cited(payload)
        institutions = [inst.id for inst in payload.institutions]
        # CNSA's naming is kept; IKI, the builder, is added.
        assert institutions[:2] == [
            "russian-federal-space-agency",
            "russian-state-space-corporation",
        ]
        assert "iki" in institutions


def test_russia_member_notes_the_2022_agreement_kremlin(dataset: Dataset) -> None:
    russia = record(dataset, "members", "russia")
    assert russia.date.text == "2021-03-09"
    assert "25 November 2022" in (russia.note or "")
    assert "kremlin-2024-06-12" in cited(russia)


def test_members_and_signatories_are_in_signing_order_by_default(dataset: Dataset) -> None:
    """The issue's examples: Pakistan (2023-10-18) before Belarus (2023-10-23), Thailand
    (2024-04-05) before Nicaragua (2024-04-24), as `ilrs members` lists them."""
    from ilrs_cli import api

    members = [member["id"] for member in api.members(dataset=dataset)]
    assert members.index("pakistan") < members.index("belarus")
    assert members.index("thailand") < members.index("nicaragua")
    starts = [row["start"] for row in api.signatories(dataset=dataset)]
    assert starts == sorted(starts)


def test_chinese_words_inside_names_are_found_robots_rover_agencies(dataset: Dataset) -> None:
    from ilrs_cli.query.search import search

    def found(text: str) -> set[str]:
        return {hit.record.id for hit in search(dataset, text)}

    assert {p.id for p in dataset.payloads if "机器人" in (p.name_zh or "")} == {
        "multi-functional-robot",
        "micro-rovers",
    }
    assert found("机器人") == {"multi-functional-robot", "micro-rovers"}
    assert found("月球车") == {"pakistan-rover"}  # 巴基斯坦月球车
    agencies = {i.id for i in dataset.institutions if "航天局" in (i.name_zh or "")}
    assert agencies == {
        "russian-federal-space-agency",
        "egyptian-space-agency",
        "iranian-space-agency",
    }
    assert agencies <= found("航天局")
