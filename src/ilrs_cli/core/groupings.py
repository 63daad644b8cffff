"""Names of regions in common use that no UN M49 region matches, each as a documented set of
ISO 3166 codes taken from a membership list or a stated definition, with where it was read.
`--region` takes them beside the M49 regions; docs/regions.md is generated from this table."""

from __future__ import annotations

from .tuples import NamedTuple


class Grouping(NamedTuple):
    name: str
    codes: frozenset[str]
    basis: str  # what the set is, and whose definition
    source: str  # where the list was read
    aliases: tuple[str, ...] = ()


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


GROUPINGS: tuple[Grouping, ...] = (
    Grouping(
        "Middle East",
        _codes("BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE"),
        "The 17 countries from Egypt to Iran and from Turkey to Yemen that the University of "
        "Central Florida library's guide lists, after W. L. Cleveland's A History of the "
        "Modern Middle East. No standard defines the term; MENA is the World Bank's wider set.",
        "https://guides.ucf.edu/mideast/home",
        ("Mideast",),
    ),
    Grouping(
        "MENA",
        _codes("DZ BH DJ EG IR IQ IL JO KW LB LY MA OM PS QA SA SY TN AE YE"),
        "The World Bank's Middle East and North Africa region: 20 economies, as the SSWM "
        "glossary lists them (West Bank and Gaza as PS).",
        "https://sswm.info/content/middle-east-and-northern-africa",
        ("Middle East and North Africa",),
    ),
    Grouping(
        "Arab states",
        _codes("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE"),
        "The 22 member states of the League of Arab States: the seven founders of 1945 and "
        "the 15 that joined later, as the arableague-us.org page on its structure lists them.",
        "https://arableague-us.org/wp/about-2/structure/main-organs",
        ("Arab League", "Arab world", "Arab countries", "League of Arab States"),
    ),
    Grouping(
        "Gulf states",
        _codes("BH KW OM QA SA AE"),
        "The six member states of the Gulf Cooperation Council.",
        "https://en.wikipedia.org/wiki/Member_states_of_the_Cooperation_Council_for_the_Arab_States_of_the_Gulf",
        ("GCC", "Gulf Cooperation Council", "Gulf", "Gulf countries", "Arab Gulf states"),
    ),
    Grouping(
        "Southeast Asia",
        _codes("BN KH ID LA MY MM PH SG TH TL VN"),
        "The 11 members of ASEAN, Timor-Leste the 11th since 26 October 2025; the same 11 "
        "countries as UN M49 South-eastern Asia.",
        "https://www.asiaone.com/asia/timor-leste-officially-admitted-asean-becoming-its-11th-member",
        ("South-East Asia", "South East Asia", "ASEAN"),
    ),
    Grouping(
        "European Union",
        _codes("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"),
        "The 27 member states of the European Union, as a copy of Wikipedia's list gives them.",
        "https://thereaderwiki.com/en/Member_state_of_the_European_Union",
        ("EU",),
    ),
)
