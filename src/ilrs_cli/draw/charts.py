"""The charts: counts by a field (horizontal bars), both camps' growth year by year
(cumulative lines), and the timeline (each event on a time axis, done and planned apart).

Each takes what the list commands answer (a Listing) or the dataset, and returns a Picture.
Every mark carries what it shows in data-* attributes and a <title> tooltip.
"""

from __future__ import annotations

import datetime

from ..core.dates import parse_dataset_date
from ..core.records import Dataset
from ..core.vocab import Level
from ..report.listing import Listing, count_by
from .svg import (
    MARGIN,
    Picture,
    as_of_line,
    clean,
    nice_ticks,
    number,
    shorten,
    source_line,
    text_width,
    wrap_whole,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

BAR = "#3f6e9a"
ILRS = "#c0392b"
ARTEMIS = "#1f5fa8"
MISSIONS = {"Chang'e-7": "#1b9e77", "Chang'e-8": "#d95f02", "ILRS": "#7570b3"}
OTHER_MISSION = "#666666"
NONE = "(none)"
LABEL_LINE = 15  # px from one line of a wrapped 12 px label to the next


def count_chart(
    dataset: Dataset, rows_of: Listing, field: str, counted: str, name: str = "count"
) -> Picture:
    """Horizontal bars of a listing's rows counted by `field`, as `--count-by` counts them:
    one bar a value, its length the count. `counted` names the rows: payloads, members."""
    listing = count_by(rows_of, field)
    rows = [(NONE if item[field] is None else str(item[field]), int(item["count"]))
            for item in listing.items]  # fmt: skip
    width, row = 760, 26
    label_width = min(max((text_width(v, 12) for v, _ in rows), default=40) + 12, 300)
    left, right = MARGIN + label_width, width - MARGIN - 36
    ticks = nice_ticks(max((c for _, c in rows), default=1))
    unit = (right - left) / ticks[-1]
    body = row * len(rows) + 34
    subtitle = as_of_line(dataset, f"; {len(rows_of.items)} {counted}, {len(rows)} values")
    picture = Picture(width, body + 12, listing.heading, subtitle, _footer(dataset, [
        f"Each bar is the number of {counted} with that value of {field}"
        + ("; one with several values counts once for each." if _is_list(rows_of, field) else "."),
    ]), name)  # fmt: skip
    top = picture.top + 4
    axis_y = top + row * len(rows) + 4
    for tick in ticks:
        x = left + tick * unit
        picture.add("line", x1=x, x2=x, y1=float(top - 4), y2=float(axis_y), class_="grid")
        picture.text(x, axis_y + 16, str(tick), "small tick", text_anchor="middle",
                     data_tick=tick)  # fmt: skip
    picture.add("line", x1=float(left), x2=float(left), y1=float(top - 4), y2=float(axis_y),
                class_="axis")  # fmt: skip
    picture.text((left + right) / 2, axis_y + 32, f"number of {counted}", "small",
                 text_anchor="middle")  # fmt: skip
    bars = picture.add("g", class_="bars")
    for index, (value, count) in enumerate(rows):
        y = top + index * row
        label = shorten(value, label_width - 12, 12)
        picture.text(left - 8, y + row / 2 + 4, label, "label", bars, text_anchor="end")
        bar = picture.add(
            "rect", bars, x=float(left), y=y + 4.0, width=count * unit, height=float(row - 8),
            fill=BAR, class_="bar", data_value=value, data_count=count,
        )  # fmt: skip
        picture.tooltip(bar, f"{value}: {count}")
        picture.text(left + count * unit + 5, y + row / 2 + 4, str(count), "value", bars)
    return picture


def _is_list(listing: Listing, field: str) -> bool:
    return "list" in _source_type(listing, field)


def _source_type(listing: Listing, field: str) -> str:
    return next((c.type for c in listing.columns if c.name == field and c.type), "")


def _footer(dataset: Dataset, lines: list[str]) -> list[str]:
    return [source_line(dataset), *lines]


# Growth


def counted_levels(levels: list[Level], documented: bool = False) -> str:
    """What the ILRS line counts: 'national participants', 'documented national
    participants', as `ilrs growth` says it."""
    from ..report.cells import counted_words

    chosen = set(levels)
    return counted_words([level for level in Level if level in chosen], documented)


class GrowthFrame:
    """What both growth charts share: the picture, its legend of both camps, the value axis
    (`y`) with its grid, and the years' labels under the plot."""

    def __init__(self, dataset: Dataset, listing: Listing, counted: str, kind: str,
                 values: list[int], name: str) -> None:  # fmt: skip
        self.as_of = dataset.info.as_of
        self.rows = [item for item in listing.items if item["year"] is not None]
        self.years = [int(item["year"]) for item in self.rows]
        self.camps = {
            "ilrs": (f"ILRS: {counted}, by their first documented agreement", ILRS),
            "artemis": ("Artemis Accords: signatories", ARTEMIS),
        }
        if not any(item["artemis"] for item in listing.items):
            self.camps["artemis"] = ("Artemis Accords: no signatories in these data", ARTEMIS)
        notes = [f"{kind} Numbers as `ilrs growth` prints them."]
        undated = next((item for item in listing.items if item["year"] is None), None)
        if undated is not None and undated["ilrs"]:
            notes.append(
                f"Not drawn: {undated['ilrs']} ILRS participants with no signing date in a "
                "single year (ilrs growth names them on its undated row)."
            )
        width, height = 760, 330
        self.picture = Picture(width, height + 42, listing.heading, as_of_line(dataset, (
            "; cumulative totals at the end of each year" if name == "growth"
            else "; signings in each year")), _footer(dataset, notes), name)  # fmt: skip
        self.left, self.right = MARGIN + 40, width - MARGIN - 60
        self.top = self.picture.top + 52
        self.bottom = self.picture.top + 42 + height - 34
        self.ticks = nice_ticks(max(values, default=1))
        for tick in self.ticks:
            self.picture.add("line", x1=float(self.left), x2=float(self.right), y1=self.y(tick),
                             y2=self.y(tick), class_="grid")  # fmt: skip
            self.picture.text(self.left - 8, self.y(tick) + 4, str(tick), "small tick",
                              text_anchor="end", data_tick=tick)  # fmt: skip
        self.picture.add("line", x1=float(self.left), x2=float(self.right),
                         y1=float(self.bottom), y2=float(self.bottom), class_="axis")  # fmt: skip

    def y(self, value: int) -> float:
        return self.bottom - (self.bottom - self.top) * value / self.ticks[-1]

    def legend(self, swatch: str) -> None:
        for row, (label, colour) in enumerate(self.camps.values()):
            key_y = float(self.picture.top + 8 + row * 18)
            if swatch == "line":
                self.picture.add("line", x1=float(self.left), x2=self.left + 28.0, y1=key_y,
                                 y2=key_y, stroke=colour, stroke_width=3)  # fmt: skip
            else:
                self.picture.add("rect", x=float(self.left + 8), y=key_y - 6, width=12.0,
                                 height=12.0, fill=colour)  # fmt: skip
            self.picture.text(self.left + 36, key_y + 4, label, "label")

    def year_labels(self, xs: list[float]) -> None:
        """Each year's label under its x, every few years when there are many."""
        as_of = self.as_of
        every = max(1, round(len(self.years) / 12))
        for index, (x, year) in enumerate(zip(xs, self.years, strict=True)):
            if index % every and index != len(self.years) - 1:
                continue
            label = str(year) if year != as_of.year else (
                f"{year} (to {as_of.day} {as_of.strftime('%b')})")  # fmt: skip
            self.picture.text(x, self.bottom + 18, label, "small", text_anchor="middle")


def growth_chart(dataset: Dataset, listing: Listing, counted: str) -> Picture:
    """Both camps' cumulative totals at the end of each year, as `ilrs growth` counts them
    (`answers.growth`): ILRS participants of the levels counted (`counted` names them) and
    Artemis Accords signatories."""
    rows = [item for item in listing.items if item["year"] is not None]
    frame = GrowthFrame(dataset, listing, counted, (
        "Each point is the total at the end of that year (for the as-of year, at the as-of "
        "date)."), [max(i["ilrs_total"], i["artemis_total"]) for i in rows], "growth")  # fmt: skip
    picture, years = frame.picture, frame.years
    step = (frame.right - frame.left) / max(len(years) - 1, 1)
    xs = [frame.left + index * step if len(years) > 1 else (frame.left + frame.right) / 2
          for index in range(len(years))]  # fmt: skip
    frame.year_labels(xs)
    frame.legend("line")
    for name, (label, colour) in frame.camps.items():
        totals = [int(item[f"{name}_total"]) for item in rows]
        if not totals or not totals[-1]:
            continue
        points = [(x, frame.y(total)) for x, total in zip(xs, totals, strict=True)]
        group = picture.add("g", class_="series", data_series=name)
        picture.add("polyline", group, fill="none", stroke=colour, stroke_width=3,
                    points=" ".join(f"{number(x)},{number(y)}" for x, y in points))  # fmt: skip
        for (x, y), year, total in zip(points, years, totals, strict=True):
            dot = picture.add("circle", group, cx=x, cy=y, r=4.0, fill=colour,
                              data_year=year, data_total=total)  # fmt: skip
            picture.tooltip(dot, f"{label}: {total} by the end of {year}")
        x, y = points[-1]
        picture.text(x + 8, y + 4, str(totals[-1]), "value", group, fill=colour)
    return picture


def per_year_chart(dataset: Dataset, listing: Listing, counted: str) -> Picture:
    """Each year's signings of both camps, as `ilrs growth` counts them: a group of two bars
    a year, ILRS participants of the levels counted (`counted` names them) beside Artemis
    Accords signatories."""
    rows = [item for item in listing.items if item["year"] is not None]
    frame = GrowthFrame(dataset, listing, counted, (
        "Each bar is the number of signings in that year (for the as-of year, to the as-of "
        "date)."), [max(i["ilrs"], i["artemis"]) for i in rows], "per-year")  # fmt: skip
    picture = frame.picture
    group_width = (frame.right - frame.left) / max(len(rows), 1)
    bar = min(group_width * 0.4, 28.0)
    xs = [frame.left + (index + 0.5) * group_width for index in range(len(rows))]
    frame.year_labels(xs)
    frame.legend("bar")
    bars = picture.add("g", class_="bars")
    for x, item in zip(xs, rows, strict=True):
        group = picture.add("g", bars, class_="year", data_year=item["year"])
        for offset, (name, (label, colour)) in zip((-bar, 0.0), frame.camps.items(), strict=True):
            count = int(item[name])
            y = frame.y(count)
            mark = picture.add("rect", group, x=x + offset, y=y, width=bar,
                               height=frame.bottom - y, fill=colour, class_="bar", data_camp=name,
                               data_year=item["year"], data_count=count)  # fmt: skip
            picture.tooltip(mark, f"{label}: {count} in {item['year']}")
            if count and bar >= 9:
                picture.text(x + offset + bar / 2, y - 4, str(count), "value", group,
                             text_anchor="middle", fill=colour)  # fmt: skip
    return picture


# Timeline


def _span_end(item: dict[str, Any]) -> datetime.date:
    return datetime.date.fromisoformat(item["end"]) + datetime.timedelta(days=1)


class TimeScale:
    """Dates to x: the past (to the as-of date) on the left 70%, the future on the
    rest, each linear; the break is drawn and labelled."""

    def __init__(self, first: datetime.date, as_of: datetime.date, last: datetime.date,
                 left: float, right: float) -> None:  # fmt: skip
        self.first, self.as_of, self.last = first, as_of, max(last, as_of)
        future = self.last > as_of
        self.left, self.right = left, right
        self.middle = left + (right - left) * (0.7 if future else 1.0)

    def x(self, day: datetime.date) -> float:
        if day <= self.as_of:
            span = max((self.as_of - self.first).days, 1)
            return self.left + (self.middle - self.left) * (day - self.first).days / span
        span = max((self.last - self.as_of).days, 1)
        return self.middle + (self.right - self.middle) * (day - self.as_of).days / span

    def ticks(self) -> list[int]:
        past = list(range(self.first.year + 1, self.as_of.year + 1))
        if len(past) > 8:
            past = past[:: (len(past) + 7) // 8]
        per_year = (self.right - self.middle) / max((self.last - self.as_of).days / 365.25, 1)
        step = next((s for s in (1, 2, 5, 10, 20, 50) if s * per_year >= 36), 100)
        future = [y for y in range(self.as_of.year + 1, self.last.year + 1) if y % step == 0]
        return past + future


def timeline_chart(dataset: Dataset, listing: Listing) -> Picture:
    """One row an event, in date order: its date and text on the left, its span on a time
    axis on the right. Done events are filled, planned ones hollow and dashed."""
    items = listing.items
    width, row = 1040, 21
    text_right = 520
    left, right = text_right + 28, width - MARGIN - 8
    as_of = dataset.info.as_of
    first = min((datetime.date.fromisoformat(i["start"]) for i in items), default=as_of)
    last = max((_span_end(i) for i in items), default=as_of)
    scale = TimeScale(datetime.date(first.year, 1, 1), as_of, last, left, right)
    dates = [parse_dataset_date(item["date"]).display for item in items]
    date_width = max((text_width(d, 10.5) for d in dates), default=60) + 14
    labels = [wrap_whole(clean(item["event"]), text_right - MARGIN - date_width, 12) or [""]
              for item in items]  # fmt: skip
    heights = [max(row, LABEL_LINE * len(lines) + 6) for lines in labels]
    body = sum(heights) + 70
    footer = [
        "A date with a day is a dot; a month, a year, a range or a decade is a bar over every "
        "day it can mean. Left of the as-of line: the past; right of it: the future, on a "
        "compressed scale.",
    ]
    picture = Picture(width, body, listing.heading, as_of_line(dataset, (
        f"; {len(items)} events; status (done or planned) as of that date")),
        _footer(dataset, footer), "timeline")  # fmt: skip
    top = picture.top + 34
    bottom = top + sum(heights)
    _timeline_legend(picture, picture.top + 6, items)
    picture.add("rect", x=scale.middle, y=float(top - 8), width=right - scale.middle,
                height=float(bottom - top + 12), fill="#f3f3f3")  # fmt: skip
    for year in scale.ticks():
        x = scale.x(datetime.date(year, 1, 1))
        picture.add("line", x1=x, x2=x, y1=float(top - 8), y2=float(bottom + 4), class_="grid")
        picture.text(x, bottom + 18, str(year), "small tick", text_anchor="middle",
                     data_year=year)  # fmt: skip
    picture.add("line", x1=scale.middle, x2=scale.middle, y1=float(top - 12),
                y2=float(bottom + 4), stroke="#222", stroke_width=1.5, stroke_dasharray="4 3",
                class_="as-of")  # fmt: skip
    picture.text(scale.middle, bottom + 34, f"as of {as_of.isoformat()}", "small",
                 text_anchor="middle")  # fmt: skip
    events = picture.add("g", class_="events")
    y = float(top)
    for item, lines, height in zip(items, labels, heights, strict=True):
        _timeline_row(picture, events, scale, item, y + row / 2, lines, date_width)
        y += height
    return picture


def _timeline_legend(picture: Picture, y: float, items: list[dict[str, Any]]) -> None:
    x = float(MARGIN)
    for mission in dict.fromkeys(item["mission"] for item in items):
        colour = MISSIONS.get(mission, OTHER_MISSION)
        picture.add("circle", cx=x + 5, cy=y + 4, r=5.0, fill=colour)
        picture.text(x + 14, y + 8, mission, "label")
        x += 24 + text_width(mission, 12)
    x += 12
    for status, fill, dash in (("done", "#555", None), ("planned", "#ffffff", "3 2")):
        picture.add("rect", x=x, y=y - 1, width=22.0, height=10.0, rx=3, fill=fill,
                    stroke="#555", stroke_width=1.5, stroke_dasharray=dash)  # fmt: skip
        picture.text(x + 28, y + 8, status, "label")
        x += 40 + text_width(status, 12)


def _timeline_row(picture: Picture, parent: Any, scale: TimeScale, item: dict[str, Any],
                  y: float, lines: list[str], date_width: float) -> None:  # fmt: skip
    """An event's row: its date, its text whole (a line each of `lines`, the first at `y`)
    and its mark on the time axis at `y`."""
    colour = MISSIONS.get(item["mission"], OTHER_MISSION)
    when = parse_dataset_date(item["date"])
    date_text = when.display
    picture.text(MARGIN, y + 4, date_text, "small", parent)
    label = picture.text(MARGIN + date_width, y + 4, "", "label", parent)
    for index, line in enumerate(lines):
        picture.add("tspan", label, x=float(MARGIN + date_width),
                    y=y + 4 + LABEL_LINE * index).text = line  # fmt: skip
    start = datetime.date.fromisoformat(item["start"])
    done = item["status"] == "done"
    fill = colour if done else "#ffffff"
    attributes: dict[str, Any] = {
        "fill": fill, "stroke": colour, "stroke_width": 1.5,
        "stroke_dasharray": None if done else "3 2", "class_": f"event {item['status']}",
        "data_id": item["id"], "data_status": item["status"], "data_start": item["start"],
        "data_end": item["end"], "data_mission": item["mission"],
    }  # fmt: skip
    if when.is_day:
        mark = picture.add("circle", parent, cx=scale.x(start), cy=y, r=4.5, **attributes)
    else:
        x0, x1 = scale.x(start), scale.x(_span_end(item))
        mark = picture.add("rect", parent, x=x0, y=y - 5, width=max(x1 - x0, 4.0), height=10.0,
                           rx=3, **attributes)  # fmt: skip
    picture.tooltip(mark, f"{date_text} ({item['status']}): {item['event']}")
