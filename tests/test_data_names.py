"""Names people search for: each alias and Chinese name of the bundled data is shown by a source
its record cites, and search finds each record by them: IKI by its Russian names, institutions and
participants by their Chinese and Russian names (issue 35, item 7; issue 34)."""

from __future__ import annotations

import pytest

from ilrs_cli.core.records import Dataset
from ilrs_cli.load import load_dataset
from ilrs_cli.query.search import search

from .test_data import cited, record
from .test_data_release_1_2 import ALIASES as ALIASES_1_2


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


ROSKOSMOS_FULL = "Государственная корпорация по космической деятельности «Роскосмос»"

# Chinese and Russian names added in 1.3.0, by record (kind, id): each name and the cited
# source whose page shows it.
NAMES_1_3: dict[tuple[str, str], dict[str, str]] = {
    ("institutions", "zju"): {
        "浙江大学": "wikipedia-zju", "浙江大學": "wikipedia-zju", "浙大": "wikipedia-zju",
    },
    ("institutions", "star-vision"): {
        "地卫二": "xjnnet-2025-02-24",
        "地卫二空间技术(杭州)有限公司": "xjnnet-2025-02-24",
        "星见": "xjnnet-2025-02-24",
    },
    ("institutions", "iki"): {"俄罗斯科学院空间研究所": "chinanews-2020-03-17"},
    ("institutions", "ciomp"): {
        "中国科学院长春光学精密机械与物理研究所": "zhwiki-ciomp",
        "中国科学院长春光机所": "zaker-kkj-ce7-imager",
    },
    ("institutions", "iloa"): {"国际月球天文台协会": "lnd-2024-04-25"},
    ("institutions", "russian-federal-space-agency"): {
        "Федеральное космическое агентство": "lenta-2004-03-12",
    },
    ("institutions", "russian-state-space-corporation"): {
        ROSKOSMOS_FULL: "ruwiki-roskosmos-2020-02-26",
    },
    ("members", "apsco"): {
        "亚太空间合作组织": "lnd-2024-04-25", "亞太空間合作組織": "hkcd-2024-04-25",
    },
    ("members", "arab-union-astronomy"): {"阿拉伯天文学和空间科学联盟": "lnd-2024-04-25"},
}  # fmt: skip


# Every record with aliases: its names, and a cited source that shows them (1.2.0's, IKI's
# Russian names, and the 1.3.0 names above, which may come from more than one source).
ALIASES: dict[str, tuple[tuple[str, ...], str | tuple[str, ...]]] = {
    **ALIASES_1_2,
    "russian-federal-space-agency": (
        ("Roscosmos", "Федеральное космическое агентство"),
        ("natureworldnews-2015-12-29", "lenta-2004-03-12"),
    ),
    "russian-state-space-corporation": (
        ("Roscosmos", "Роскосмос", ROSKOSMOS_FULL),
        ("ng-2025-05-08", "ruwiki-roskosmos-2020-02-26"),
    ),
    "iki": (("Институт космических исследований РАН", "ИКИ РАН", "ИКИ"), "tass-ru-25215987"),
    "zju": (("浙江大學", "浙大"), "wikipedia-zju"),
    "star-vision": (("地卫二空间技术(杭州)有限公司", "星见"), "xjnnet-2025-02-24"),
    "ciomp": (("中国科学院长春光机所",), "zaker-kkj-ce7-imager"),
    "apsco": (("亚太空间合作组织", "亞太空間合作組織"), ("lnd-2024-04-25", "hkcd-2024-04-25")),
    "arab-union-astronomy": (("阿拉伯天文学和空间科学联盟",), "lnd-2024-04-25"),
}  # fmt: skip


def test_every_alias_has_a_cited_source(dataset: Dataset) -> None:
    records = {r.id: r for r in (*dataset.institutions, *dataset.members)}
    with_aliases = {record_id: r.aliases for record_id, r in records.items() if r.aliases}
    assert with_aliases == {record_id: names for record_id, (names, _) in ALIASES.items()}
    for record_id, (_, source_ids) in ALIASES.items():
        wanted = {source_ids} if isinstance(source_ids, str) else set(source_ids)
        assert wanted <= cited(records[record_id]), record_id


def test_chinese_names_of_institutions(dataset: Dataset) -> None:
    name_zh = {r.id: r.name_zh for r in dataset.institutions}
    assert name_zh["zju"] == "浙江大学"
    assert name_zh["star-vision"] == "地卫二"
    assert name_zh["iki"] == "俄罗斯科学院空间研究所"
    assert name_zh["ciomp"] == "中国科学院长春光学精密机械与物理研究所"
    assert name_zh["iloa"] == "国际月球天文台协会"


@pytest.mark.parametrize(("kind", "record_id"), sorted(NAMES_1_3))
def test_each_1_3_name_is_in_the_record_and_its_source_is_cited(
    dataset: Dataset, kind: str, record_id: str
) -> None:
    item = record(dataset, kind, record_id)
    names = {*item.aliases, *((item.name_zh,) if getattr(item, "name_zh", None) else ())}
    for name, source_id in NAMES_1_3[(kind, record_id)].items():
        assert name in names, name
        assert source_id in cited(item), (name, source_id)
        (citation,) = [c for c in item.sources if c.source.id == source_id]
        assert citation.at.startswith("page"), source_id


@pytest.mark.parametrize(
    ("text", "kind", "record_id"),
    [
        (name, kind.rstrip("s"), record_id)
        for (kind, record_id), names in sorted(NAMES_1_3.items())
        for name in names
    ],
)
def test_search_finds_each_added_name(
    dataset: Dataset, text: str, kind: str, record_id: str
) -> None:
    hits = search(dataset, text)
    assert record_id in {hit.record.id for hit in hits if hit.kind.name == kind}


def test_search_zhejiang_university_in_chinese_finds_zju_and_the_micro_rovers(
    dataset: Dataset,
) -> None:
    hits = search(dataset, "浙江大学")
    assert {hit.record.id for hit in hits if hit.kind.name == "institution"} == {"zju"}
    assert "micro-rovers" in {hit.record.id for hit in hits if hit.kind.name == "payload"}


@pytest.mark.parametrize("text", ["长春光机所", "长春光学精密机械与物理研究所"])
def test_search_ciomp_in_chinese_finds_the_chang_e_7_imager(dataset: Dataset, text: str) -> None:
    hits = search(dataset, text)
    assert {hit.record.id for hit in hits if hit.kind.name == "institution"} == {"ciomp"}
    assert "ce7-hyperspectral-imager" in {
        hit.record.id for hit in hits if hit.kind.name == "payload"
    }


def test_the_wuhan_report_of_24_april_2024_names_three_records(dataset: Dataset) -> None:
    (source,) = [s for s in dataset.sources if s.id == "lnd-2024-04-25"]
    assert source.publisher == "Xinhua" and source.via == "Liaoning Daily (辽宁日报)"
    assert source.date is not None and source.date.text == "2024-04-25"
    citing = {
        item.id
        for item in (*dataset.institutions, *dataset.members)
        if "lnd-2024-04-25" in cited(item)
    }
    assert citing == {"iloa", "apsco", "arab-union-astronomy"}


def test_iki_names_come_from_the_tass_interview_of_2_october_2025(dataset: Dataset) -> None:
    (source,) = [s for s in dataset.sources if s.id == "tass-ru-25215987"]
    assert source.publisher == "TASS"
    assert source.date is not None and source.date.text == "2025-10-02"
    assert source.url == "https://tass.ru/interviews/25215987"
    assert source.title.startswith("Директор ИКИ РАН:")  # the page's own title names it


@pytest.mark.parametrize("text", ["ИКИ", "ики", "ИКИ РАН", "Институт космических исследований"])
def test_search_in_russian_finds_iki_and_its_instruments(dataset: Dataset, text: str) -> None:
    hits = search(dataset, text)
    assert {hit.record.id for hit in hits if hit.kind.name == "institution"} == {"iki"}
    payloads = {hit.record.id for hit in hits if hit.kind.name == "payload"}
    assert payloads == {"plasma-dust-sensor", "ion-neutral-analyzer", "ce7-lunar-dust-instrument"}
