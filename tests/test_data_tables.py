"""The bundled data's lists split no token that fits its column (tests/test_table_tokens.py
runs the same on the fixtures), and its headline answers are tables at 80 columns."""

from __future__ import annotations

from .table_tokens import drawn_tables, split_tokens
from .test_table_tokens import HEADLINES, WIDTHS, listings


def test_no_bundled_list_splits_a_token_that_fits_its_column() -> None:
    answered = dict(listings(None))
    split = {
        (name, width): tokens
        for name, listing in answered.items()
        for width in WIDTHS
        if (tokens := split_tokens(listing, width))
    }
    assert not split
    assert all(drawn_tables(answered[name], 80)[1] for name in HEADLINES)
