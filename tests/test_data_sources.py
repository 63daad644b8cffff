"""The bundled dataset's [[sources]]: checked, titled honestly, reposts flagged, and the URLs
corrected in data release 1.1.0."""

from __future__ import annotations

import pytest

from ilrs_cli.core.records import Dataset, Source
from ilrs_cli.load import load_dataset

CHECKED = "2026-12-04"  # the Artemis Accords sources too
# Sources added or corrected in 1.3.0, checked against their stored pages again that day.
CHECKED_1_3 = "2026-12-08"
RECHECKED_1_3 = {
    "instapundit-scmp-2023-04-28", "earthndbeyond-five-years", "spacenews-venezuela",
    "flyingtomars-spacenews-latvia", "researchlatvia-artemis", "ogrenet-2025-10-07-latvia",
    "menafn-state-portugal", "nasa-saudi-arabia", "prnewswire-nasa-estonia",
    "federalnewswire-oman", "ria-2025-12-24", "dailythepatriot-2025-02-06",
    "spacenews-oman-lens", "zawya-2024-12-11-oman-lens", "tass-ru-25215987",
    # Chinese and Russian names
    "wikipedia-zju", "xjnnet-2025-02-24", "chinanews-2020-03-17", "lnd-2024-04-25",
    "hkcd-2024-04-25", "zhwiki-ciomp", "zaker-kkj-ce7-imager", "lenta-2004-03-12",
    "ruwiki-roskosmos-2020-02-26",
}  # fmt: skip

# Pages read where another outlet's text is reposted, with the original publisher named
# (the research found the original in the page's own credit line or in a stored original).
REPOSTS = {
    "spacenews": "SpaceNews",
    "shine-2025-04-24": "Xinhua",
    "copernical-2025-04-24": "Space Media Network (SPX)",
    "gmw-2025-04-24": "People's Daily app (人民日报客户端)",
    "zdbk-cnsa-release": "People's Daily app (人民日报客户端)",
    "spacemart-2023-10-04": "Xinhua",
    "rambler-tass-2024-05-28": "TASS",
    "quickread-ria-2024-06-05": "RIA Novosti",
    "brecorder-2024-11-18": "Associated Press of Pakistan (APP)",
    "chronicle-nicaragua": "Diálogo",
    "people-2024-05-09": "Xinhua",
    "techtag-kazakhstan": "Radio Free Europe/Radio Liberty",
    "people-2024-09-05": "Xinhua",
    "fivesixgroup-apsco": "Xinhua",
    "stdaily-2023-05-11": "Science and Technology Daily (科技日报)",
    "tencent-2024-09-05": "企鹅号 (Tencent Om) account",
    "cooperativa-2024-12-24": "Xinhua",
    "hsf-blog-2022-03": "NASA",
    "thestar-2024-06-16": "South China Morning Post",
    "helium3-peru": "NASA",
    "finanzn-2024-12": "dpa-AFX",
    "miragenews-senegal": "U.S. Department of State",
    "spacecoastdaily-2025-07": "NASA",
    "chinadaily-2025-01-27": "ezhejiang.gov.cn",
    "reportify-2025-07-05": "People's Daily Overseas Edition (人民日报海外版)",
    "pressreader-chinadaily-hk-2024-04-26": "China Daily (Hong Kong edition)",
    "xinhua-2025-04-23": "Xinhua",
    "miradio-cgtn-2025-07": "CGTN",
    "dawan-2025-07-01": "Dawan News (大皖新闻)",
    # added in 1.2.0
    "modernmechanics24-hkust": "Hong Kong University of Science and Technology (HKUST)",
    "yibaidns-chinadaily-2024-12-25": "China Daily",
    "hk3-legco-2025-01-08": "Ta Kung Wen Wei (大公文匯)",
    "people-2025-03-17": "Xinhua",
    "spacerfit-serbia": "SpaceNews",
    "chinatechnews-2023-06-20": "SpaceNews",
    "copernical-2024-04-25": "Space Media Network (SPX)",
    "ng-2025-05-08": "Interfax",
    "satelit-livescience-2025-05": "Live Science",
    "asiaresearchnews-polyu-2018": "Hong Kong Polytechnic University (PolyU)",
    "vanbien-sciencenet-2024-09-05": "China Science Daily (中国科学报)",
    # added in 1.3.0
    "zawya-2024-12-11-oman-lens": "Oman Daily Observer",
    "lnd-2024-04-25": "Xinhua",
    "hkcd-2024-04-25": "China News Service (中新社)",
    "zhwiki-ciomp": "Wikipedia",
    "zaker-kkj-ce7-imager": "驱动之家 (快科技)",
}
# The same, for the sources of the Artemis Accords signatories.
ARTEMIS_REPOSTS = {
    "parabolicarc-2020-11-14-ukraine": "State Space Agency of Ukraine",
    "newsflash-2021-05-27": "SpaceNews",
    "parabolicarc-2021-06-01-nz": "NASA",
    "seeddaily-2021-06-16": "NASA",
    "lapost-2021-06-15": "U.S. Department of State (Office of the Spokesperson)",
    "parabolicarc-2021-12-11-mexico": "Government of Mexico",
    "miragenews-bahrain": "U.S. Department of State",
    "miragenews-saudi-arabia": "U.S. Department of State",
    "glamcityz-nigeria-rwanda": "U.S. Department of State",
    "urdupoint-2023-05-30-spain": "Sputnik",
    "urdupoint-2023-07-29-argentina": "Sputnik",
    "waff-2023-11-01-netherlands": "NASA",
    "djayanews-bulgaria": "U.S. Department of State",
    "raumfahrer-2024-01-24-belgium": "NASA",
    "like123-greece": "U.S. Department of State (Office of the Spokesperson)",
    "djayanews-switzerland-sweden": "U.S. Department of State",
    "finanzn-2024-04-switzerland": "dpa-AFX",
    "gopher-state-slovenia": "U.S. Department of State",
    "spinics-2024-05-15-lithuania": "NASA",
    "mabsj2-2024-05-30-peru": "NASA",
    "cerebral-overload-slovakia": "NASA",
    "miragenews-armenia": "U.S. Department of State",
    "wirenn-cyprus": "U.S. Department of State",
    "europesays-2024-10-23-cyprus": "UPI",
    "miragenews-denmark": "U.S. Department of State",
    "news247-panama-austria": "leonarddavid.com",
    "raumfahrer-thailand": "NASA",
    "aliensandspace-panama-austria": "NASA",
    "miragenews-chile": "U.S. Department of State",
    "wirenn-finland": "U.S. Department of State",
    "menafn-2025-04-12-bangladesh": "U.S. Department of State",
    "tribuneindia-2025-04-09-bangladesh": "ANI",
    "finanzn-2025-05-norway": "RTTNews",
    "miragenews-norway": "NASA",
    "hsf-blog-label-artemis-accords": "NASA",
    "starfighters-spacenews-malaysia-philippines": "SpaceNews",
    "earthndbeyond-five-years": "NASA",
    "overlookhorizon-portugal": "NASA",
    # added in 1.3.0
    "flyingtomars-spacenews-latvia": "SpaceNews",
    "menafn-state-portugal": "U.S. Department of State",
    "prnewswire-nasa-estonia": "NASA",
}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="module")
def sources(dataset: Dataset) -> dict[str, Source]:
    return {source.id: source for source in dataset.sources}


def test_every_source_has_checked(dataset: Dataset) -> None:
    for source in dataset.sources:
        assert source.checked is not None, source.id
        expected = CHECKED_1_3 if source.id in RECHECKED_1_3 else CHECKED
        assert source.checked.isoformat() == expected, source.id


def test_no_title_starts_with_a_bracket_unless_untitled(dataset: Dataset) -> None:
    for source in dataset.sources:
        bracketed = source.title.startswith("[") and source.title.endswith("]")
        assert bracketed == source.untitled, source.id


def test_reposts_have_via(sources: dict[str, Source]) -> None:
    for source_id, publisher in {**REPOSTS, **ARTEMIS_REPOSTS}.items():
        source = sources[source_id]
        assert source.via, source_id
        assert source.publisher == publisher, source_id


def test_via_is_another_site_than_the_publisher(dataset: Dataset) -> None:
    for source in dataset.sources:
        if source.via:
            assert source.via != source.publisher, source.id
        if source.original_url:
            assert source.via, source.id
            assert source.original_url != source.url, source.id


def test_every_flagged_repost_is_known(dataset: Dataset) -> None:
    flagged = {source.id for source in dataset.sources if source.via}
    assert flagged == set(REPOSTS) | set(ARTEMIS_REPOSTS)


def test_original_urls_from_stored_pages(sources: dict[str, Source]) -> None:
    assert sources["techtag-kazakhstan"].original_url == (
        "https://rferl.org/a/china-kazakhstan-space-russia-ilrs-moon/33075952.html"
    )
    assert sources["thestar-2024-06-16"].original_url.startswith(  # type: ignore[union-attr]
        "https://www.scmp.com/news/china/science/article/3266253/"
    )


def test_rewrites_and_content_farms_carry_a_reliability_note(sources: dict[str, Source]) -> None:
    for source_id in (
        "spacenews",
        "copernical-2025-04-24",
        "zdbk-cnsa-release",
        "technologytimes-341814",
        "southasiatimes-rover",
        "earth-news-azerbaijan",
        "chronicle-nicaragua",
        "techtag-kazakhstan",
        "voi-401345",
        "fivesixgroup-apsco",
        "installsat-ce8",
        "cosmoscience-2026-04-13",
        "amigo-2024-09-06",
        "reportify-2025-07-05",
    ):
        assert sources[source_id].reliability, source_id


def test_southasiatimes_url_has_the_chinas_slug(sources: dict[str, Source]) -> None:
    assert sources["southasiatimes-rover"].url == (
        "https://southasiatimes.org/pakistan-to-launch-first-lunar-rover-with-chinas-change-8-mission"
    )


def test_amigo_url_is_the_stored_crescent_moon_address(sources: dict[str, Source]) -> None:
    url = sources["amigo-2024-09-06"].url
    assert url.endswith("-%f0%9f%8c%99%f0%9f%9a%80")  # 🌙🚀, not 🌕🚀
    assert "%8c%95" not in url


def test_removed_sources_brief_news_and_britishnewsagency(sources: dict[str, Source]) -> None:
    assert "brief-news-2025-04-25" not in sources
    assert "britishnewsagency-170" not in sources


def test_real_titles_found_for_earlier_bracketed_sources(sources: dict[str, Source]) -> None:
    assert sources["cgtn-2023-10-02"].title == (
        "China opens up global collaboration opportunities in Chang'e-8 lunar exploration mission"
    )
    assert sources["shine-2025-04-24"].title.startswith("China to launch Chang'e-8 lunar mission")
    assert sources["people-2024-09-05"].title == (
        "China's lunar research station initiative welcomes new international partners"
    )
    assert sources["vestikavkaza-167561"].title == "Türkiye to join Russia-China space project"
    assert sources["hzdaily-2025-02-13"].title == "Hangzhou firm to send robots to the Moon"


def test_authors_only_where_a_page_names_one(sources: dict[str, Source]) -> None:
    authors = {source_id: s.author for source_id, s in sources.items() if s.author}
    assert authors == {
        "copernical-2025-04-24": "Simon Mansfield",
        "stdaily-2023-05-11": "卢子建 (Lu Zijian)",
        "thestar-2024-06-16": "Ling Xin",
        "helium3-peru": "Jennifer M. Dooren",
        "hzdaily-2025-02-13": "Fang Boyi",
        "hk01-sharjah": "房伊媚",
        "pressreader-chinadaily-hk-2024-04-26": "Zhao Lei",
        "copernical-2024-04-25": "Simon Mansfield",  # added in 1.2.0
        "vanbien-sciencenet-2024-09-05": "王敏, 李宜然",  # added in 1.2.0
        "lnd-2024-04-25": "侯文坤, 田中全",  # added in 1.3.0
        "seeddaily-2021-06-16": "Sean Potter",  # the Artemis Accords sources
        "timesofisrael-israel": "Ricky Ben-David",
        "spinics-2024-05-15-lithuania": "Lauren E. Low",  # bylines from helium3.space copies
        "cerebral-overload-slovakia": "Jennifer M. Dooren",
    }


def test_dates_narrowed_where_the_page_shows_the_day(sources: dict[str, Source]) -> None:
    assert sources["spacewatch-2024-05"].date.text == "2024-05-13"  # type: ignore[union-attr]
    assert sources["astanatimes-2024-08"].date.text == "2024-08-06"  # type: ignore[union-attr]
    assert sources["hsf-blog-2022-03"].date.text == "2022-03-07"  # type: ignore[union-attr]
    assert sources["finanzn-2024-12"].date.text == "2024-12-12"  # type: ignore[union-attr]
