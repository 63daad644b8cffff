"""The cache keeps the records a successful check built: a hit gives the very Dataset the
check gave, without parsing or checking, only for the bytes and the code that checked them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilrs_cli.core.errors import DatasetError
from ilrs_cli.core.kinds import KINDS
from ilrs_cli.core.records import Dataset
from ilrs_cli.load import builder, checked, load_dataset, open_dataset, reader
from ilrs_cli.load import cache as store

from .conftest import FROZEN
from .test_cache import entries
from .test_linear import synthetic
from .test_loader import VALID, write
from .test_properties import PROPERTY_SETTINGS


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ILRS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def refuse_to_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed or checked on a hit")

    monkeypatch.setattr(reader, "parse_toml", refused)
    monkeypatch.setattr(builder, "build_dataset", refused)


def hit(path: Path | None, monkeypatch: pytest.MonkeyPatch) -> Dataset:
    """The dataset from a first run (which fills the cache), then from the cache alone."""
    checked_once = open_dataset(path)
    with monkeypatch.context() as patched:
        refuse_to_check(patched)
        found = open_dataset(path)
    assert found == checked_once
    return found


@pytest.mark.parametrize("which", ["frozen", "bundled", "every kind"])
def test_a_hit_is_the_dataset_the_check_built(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    path = {"frozen": FROZEN, "bundled": None}.get(which)
    if which == "every kind":  # signings, signatories, facts and events, dated and not
        path = tmp_path / "synthetic-15.toml"
        synthetic(15, tmp_path)  # its made-up codes are not ISO 3166 ones
        monkeypatch.setattr(builder._Builder, "_check_iso_codes", lambda self: None)
    found = hit(path, monkeypatch)
    assert found == load_dataset(path, check_codes=False)
    assert found.bundled is (path is None)
    for kind in KINDS:
        assert getattr(found, kind.plural), kind.plural  # the comparison compares something
    sources = {id(source) for source in found.sources}  # shared, as the check shares them
    assert all(id(c.source) in sources for p in found.payloads for c in p.sources)
    institutions = {id(institution) for institution in found.institutions}
    assert all(id(i) in institutions for p in found.payloads for i in p.institutions)
    assert {id(p.place) for p in found.members} <= {id(place) for place in found.places}


def test_every_field_of_every_kind_can_be_kept() -> None:
    for record_type in [*(kind.record_type for kind in KINDS), checked.DatasetInfo]:
        assert len(checked._codecs(record_type)) == len(record_type._fields)


def test_fields_kept_in_extra_read_back_by_their_field_types() -> None:
    """A declared field with no attribute (core.records' `extra`) is kept as JSON gives it and
    read back by its type's reader; a linked one is left to the builder, so not kept."""
    dataset = load_dataset(FROZEN, check_codes=False)
    first, *rest = dataset.payloads
    odd = first._replace(extra=(("kind", first.kind), ("name_zh", "月球车"), ("mass", "3 kg")))
    changed = dataset._replace(payloads=(odd, *rest))
    rows = checked.records_of(changed)
    assert rows["payloads"][0][-1] == [["kind", first.kind.value], ["name_zh", "月球车"],
                                       ["mass", "3 kg"]]  # fmt: skip
    assert checked.dataset_from(json.loads(json.dumps(rows)), dataset.path, False) == changed
    linked = first._replace(extra=(("institutions", first.institutions),))
    with pytest.raises(TypeError, match="payloads.institutions"):
        checked.records_of(dataset._replace(payloads=(linked, *rest)))


def test_an_entry_holds_rows_of_json_data(cache: Path, tmp_path: Path) -> None:
    open_dataset(write(tmp_path, VALID))
    (entry,) = entries(cache)
    rows = json.loads(entry.read_text(encoding="utf-8"))["document"]
    assert rows["payloads"] == [
        ["rover", "A rover", "rover", "Rolls.", ["metu"], [["article", "paragraph 9"]],
         None, None, None, None, []],
    ]  # fmt: skip
    assert rows["events"][0][1] == ["2028/2029", "2028-01-01", "2029-12-31"]


def test_an_entry_from_other_code_is_never_read(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between releases, code that checks differently keys its entries differently."""
    path = write(tmp_path, VALID)
    open_dataset(path)
    monkeypatch.setattr(store, "_code_digest", lambda: "other code")
    refuse_to_check(monkeypatch)
    with pytest.raises(AssertionError, match="parsed or checked"):
        open_dataset(path)


@pytest.mark.parametrize(
    "damage",
    [
        lambda rows: rows.pop("members"),
        lambda rows: rows["payloads"][0].pop(),
        lambda rows: rows["payloads"][0].__setitem__(4, ["no-such-institution"]),
        lambda rows: rows["events"][0].__setitem__(1, "2028"),
        lambda rows: rows["members"][0].__setitem__(3, "no such level"),
        lambda rows: rows.__setitem__("places", "Turkey"),
    ],
)
def test_rows_that_do_not_read_back_are_checked_again(
    cache: Path, tmp_path: Path, damage: object
) -> None:
    path = write(tmp_path, VALID)
    expected = open_dataset(path)
    (entry,) = entries(cache)
    kept = json.loads(entry.read_text(encoding="utf-8"))
    damage(kept["document"])  # type: ignore[operator]
    entry.write_text(json.dumps(kept), encoding="utf-8")
    assert open_dataset(path) == expected
    assert json.loads(entry.read_text(encoding="utf-8")) != kept  # rewritten


def test_a_type_with_no_codec_is_not_kept(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checked, "_FIELD_CODECS", {})
    monkeypatch.delitem(checked._CODECS, checked.FuzzyDate)
    assert open_dataset(write(tmp_path, VALID)).events[0].date.text == "2028/2029"
    assert not entries(cache)


def test_an_invalid_file_is_never_kept_and_always_checked(cache: Path, tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    open_dataset(path)
    path.write_text(VALID.replace('status = "planned"', 'status = "done"'), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DatasetError) as raised:
            open_dataset(path)
        assert "'done' but dated" in raised.value.problems[0]
    (entry,) = entries(cache)  # the entry of the valid bytes, which these bytes do not match
    assert json.loads(entry.read_text(encoding="utf-8"))["key"] != store.content_key(
        path.read_bytes()
    )


# Where VALID holds free text: the inside of each quoted value of a key that takes any text
# and that no other record refers to. Text put there keeps the file TOML and, mostly, a valid
# dataset, so nearly every example below reads back from the cache (the rest must be refused,
# and never kept), where damage anywhere was mostly a file that is not TOML at all.
TEXT_VALUES = [
    match.span(1)
    for match in re.finditer(r'^(?:title|name|publisher|description|event) = "([^"]+)"', VALID,
                             re.MULTILINE)
    if match[1] not in ("Chang'e-8", "ILRS")  # mission names: events refer to them
] + [match.span(1) for match in re.finditer(r'at = "([^"]+)"', VALID)]  # fmt: skip
TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters='"\\'), max_size=8
)


@st.composite
def damaged_copies(draw: st.DrawFn) -> str:
    """VALID with one text value changed: some of it cut, some text put in."""
    start, end = draw(st.sampled_from(TEXT_VALUES))
    cut = draw(st.integers(min_value=start, max_value=end))
    length = draw(st.integers(min_value=0, max_value=end - cut))
    return VALID[:cut] + draw(TEXT) + VALID[cut + length :]


@PROPERTY_SETTINGS
@given(text=damaged_copies())
def test_damaged_copies_read_back_as_checked(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    path = tmp_path / "damaged.toml"
    path.write_text(text, encoding="utf-8")
    kept = len(entries(cache))
    try:
        expected = load_dataset(path)
    except DatasetError:  # refused (a value made empty, say): refused again, never kept
        with pytest.raises(DatasetError):
            open_dataset(path)
        assert len(entries(cache)) == kept
    else:
        assert hit(path, monkeypatch) == expected
