"""The licence of the compiled dataset, which every export and the page state: CC BY 4.0,
distinct from the code's MIT licence (LICENSE). The dataset holds titles, addresses and facts
in its own words; the sources' texts remain their publishers'."""

from __future__ import annotations

# As a Frictionless `licenses` entry: an SPDX name, its address and its title.
DATA_LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
