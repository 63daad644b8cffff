"""The citation styles `cite --style` takes, by name: each is a CSL style file bundled in
render/styles/ (where its licence is), rendered by citeproc-py (the extra `styles`). Kept
apart so that the command line can offer the names without importing citeproc-py."""

from __future__ import annotations

from enum import Enum


class Style(str, Enum):
    APA = "apa"
    CHICAGO_AUTHOR_DATE = "chicago-author-date"
    CHICAGO_NOTE = "chicago-note"
    MLA = "mla"
    HARVARD = "harvard"


# Each style's CSL file in render/styles/ (the CSL repository's name for it) and its title.
# `chicago-note` is the style CSL's renamed-styles.json maps that id to.
STYLE_FILES: dict[Style, tuple[str, str]] = {
    Style.APA: ("apa", "APA 7th edition"),
    Style.CHICAGO_AUTHOR_DATE: ("chicago-author-date", "Chicago 18th edition, author-date"),
    Style.CHICAGO_NOTE: (
        "chicago-shortened-notes-bibliography",
        "Chicago 18th edition, shortened notes and bibliography",
    ),
    Style.MLA: ("modern-language-association", "MLA Handbook 9th edition"),
    Style.HARVARD: ("harvard-cite-them-right", "Cite Them Right 12th edition, Harvard"),
}
EXTRA = "pip install 'ilrs-cli[styles]'"


def styles_help() -> str:
    """'apa (APA 7th edition), chicago-author-date (...), ...': what --style offers."""
    return ", ".join(f"{style.value} ({title})" for style, (_, title) in STYLE_FILES.items())
