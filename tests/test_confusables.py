"""Names that pass for other names: a place spelled with a Cyrillic or Greek letter among
Latin ones ("Тurkey", code TR) fails `check` (tests/hostile/confusable-place-name.toml), so a
diff never shows two names that look the same. (A zero-width character is escaped in CSV as in
tables: tests/test_csv_safety.py.)"""

from __future__ import annotations

from ilrs_cli.core.safe_text import mixed_script


def test_a_word_mixing_lookalike_scripts_is_found() -> None:
    assert mixed_script("\u0422urkey") == ("Cyrillic", "Latin", "\u0422")
    assert mixed_script("Republic of K\u043erea") == ("Cyrillic", "Latin", "\u043e")
    assert mixed_script("\u0391\u0440\u0430") == ("Cyrillic", "Greek", "\u0440")  # Α, р, а


def test_names_in_one_script_each_are_fine() -> None:
    for clean in ("Turkey", "Türkiye", "Côte d'Ivoire", "Россия", "Ελλάδα", "中国", "Hong Kong"):
        assert mixed_script(clean) is None, clean
    assert mixed_script("Turkey Турция") is None  # each word in one script
