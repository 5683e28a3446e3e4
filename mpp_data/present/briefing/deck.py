"""The briefing deck: one slide per question an official is asked in a meeting, plus an appendix.

Title; headline figures with their change; coverage over time toward the 514 line (509 on the PANRB
basis); provinces ranked (or one province's regencies/cities by status); the gap list by stage; the
provinces off track and at risk in the plan; the 17 MoU agencies; the status map; definitions and
sources; the full tables and the regions at risk. Every content slide carries speaker notes that define
its figures.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from pptx.presentation import Presentation as PresentationType
from pptx.util import Inches, Pt

from mpp_data.present.briefing import content as c
from mpp_data.present.briefing import use_slides
from mpp_data.present.briefing.appendix import appendix
from mpp_data.present.briefing.content import Briefing
from mpp_data.present.briefing.slides import (
    GREY,
    WARNING_RED,
    Box,
    Line,
    add_bar_chart,
    add_footer,
    add_line_chart,
    add_table,
    add_text,
    body_box,
    new_slide,
    open_presentation,
    rows_that_fit,
    title_layout,
)
from mpp_data.present.charts import OKABE_ITO, STATUS_COLOURS
from mpp_data.present.exports import to_workbook_bytes
from mpp_data.present.forecast_text import describe_forecast
from mpp_data.present.plan import basis_shown, headline
from mpp_data.present.text import format_period

FIRST_ROWS = 12  # gap or region rows on the slide itself; the appendix has them all
BUILT_IN_TITLE_SIZE = 30  # points; a ministry template keeps its own


def build_deck(b: Briefing, template: str | Path | None = None) -> bytes:
    """The deck as .pptx bytes; ``template``: a .pptx whose masters and layouts are used. The slides are
    ``SLIDES`` in order, then the appendix."""
    prs = open_presentation(template)
    prs.briefing_own_design = not template
    for add in SLIDES:
        add(prs, b)
    appendix(prs, b, _slide, regions=_region_table(b) if b.province else None, gaps=_gap_table(b))
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def build_tables(b: Briefing) -> bytes:
    """The appendix's full lists as an .xlsx (``content.appendix_tables``, one sheet each), stamped with
    the snapshot's time: the same snapshot gives the same bytes."""
    created = b.snapshot["created_at"]
    stamp = created if isinstance(created, dt.datetime) else dt.datetime.combine(created, dt.time())
    return to_workbook_bytes(c.appendix_tables(b), b.lang, stamp)


def _slide(prs: PresentationType, b: Briefing, title: str, notes: str):  # a pptx Slide
    slide = new_slide(prs, title, notes, BUILT_IN_TITLE_SIZE if prs.briefing_own_design else None)
    footer = b.text("briefing.footer", scope=b.short_scope, date=b.date(b.as_of), snapshot=b.snapshot["id"])
    warning = b.text("badge.sample_short") if b.snapshot["is_sample"] else None
    add_footer(prs, slide, footer, warning, prs.briefing_own_design)
    return slide


def _title_slide(prs: PresentationType, b: Briefing) -> None:
    slide = prs.slides.add_slide(title_layout(prs))
    slide.shapes.title.text = b.text("briefing.deck_title")
    lines = [
        b.scope,
        b.text("briefing.as_of", date=b.date(b.as_of), compare=b.date(b.compare)),
        # an upload without file names (made by a script) says so by naming none, not by an empty "berkas:"
        b.text(
            "briefing.source" if b.files else "briefing.source.no_files",
            snapshot=b.snapshot["id"],
            created=b.date(b.created),
            files=b.files,
        ),
    ]
    subtitle = next((p for p in slide.placeholders if p.placeholder_format.idx == 1), None)
    if subtitle is not None:
        subtitle.text = "\n".join(lines)
        for paragraph, size in zip(subtitle.text_frame.paragraphs, (24, 16, 12), strict=True):
            paragraph.font.size = Pt(size)
    else:
        add_text(slide, body_box(prs).part(0, 0.1, 1, 0.5), lines, size=18)
    width, height = prs.slide_width, prs.slide_height
    if b.snapshot["is_sample"]:
        add_text(
            slide,
            Box(int(width * 0.08), int(height * 0.04), int(width * 0.84), Inches(0.9)),
            [b.text("briefing.sample_warning")],
            size=18,
            colour=WARNING_RED,
            bold=True,
        )
    slide.notes_slide.notes_text_frame.text = "\n".join(lines)


def _headline_slide(prs: PresentationType, b: Briefing) -> None:
    total = b.number(b.now["total_regions"])
    notes = b.text("briefing.notes.headline", total=total, date=b.date(b.as_of), compare=b.date(b.compare))
    slide = _slide(prs, b, b.text("briefing.headline.title"), notes)
    box = body_box(prs)
    header = [
        b.text("briefing.headline.figure"),
        b.date(b.compare),
        b.date(b.as_of),
        b.text("briefing.headline.change"),
    ]
    add_table(
        slide,
        box.part(0, 0, 1, 0.6),
        header,
        c.headline_rows(b),
        [0.46, 0.18, 0.18, 0.18],
        size=16,
        align_right=(1, 2, 3),
    )
    add_text(
        slide,
        box.part(0, 0.66, 1, 0.34),
        [*describe_forecast(b.forecast, b.lang), basis_shown(b.basis, b.lang, b.now["total_regions"])],
        size=14,
    )


def _coverage_slide(prs: PresentationType, b: Briefing) -> None:
    total = b.number(b.now["total_regions"])
    slide = _slide(
        prs, b, b.text("briefing.coverage.title", total=total), b.text("briefing.notes.coverage", date=b.date(b.as_of))
    )
    series = c.coverage_series(b)
    lines = [
        Line(b.text("briefing.coverage.covered"), series["covered"], OKABE_ITO["blue"], width=3),
        Line(b.text("briefing.coverage.target", total=total), series["target"], OKABE_ITO["black"], width=1.5),
        Line(b.text("briefing.coverage.forecast"), series["forecast"], OKABE_ITO["orange"], dashed=True),
        Line(
            b.text("briefing.coverage.required", target=b.date(b.forecast.target_date)),
            series["required"],
            OKABE_ITO["vermillion"],
            dashed=True,
        ),
    ]
    add_line_chart(slide, body_box(prs), c.coverage_dates(b), lines, b.lang)


def _provinces_slide(prs: PresentationType, b: Briefing) -> None:
    slide = _slide(prs, b, b.text("briefing.provinces.title"), b.text("briefing.notes.provinces", date=b.date(b.as_of)))
    provinces = c.ranked_provinces(b)
    box = body_box(prs)
    half = (len(provinces) + 1) // 2  # two charts side by side: 38 names do not fit under each other
    for i, part in enumerate((provinces[:half], provinces[half:])):
        add_bar_chart(
            slide,
            box.part(0.5 * i, 0, 0.49, 1),
            [p["name"] for p in part],
            b.text("briefing.provinces.series"),
            [p["coverage_pct"] for p in part],
            [OKABE_ITO["blue"]],
            horizontal=True,
            label_format='0"%"',
            maximum=100,
            size=10,
        )


def _counts_and_rows(
    prs: PresentationType,
    b: Briefing,
    title: str,
    notes: str,
    counts: dict[str, int],
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
) -> None:
    """A column chart of counts by stage on the left, the first rows of the list on the right."""
    slide = _slide(prs, b, title, notes)
    box = body_box(prs)
    add_bar_chart(
        slide,
        box.part(0, 0, 0.34, 1),
        [b.text(f"status.{s}") for s in counts],
        b.text("briefing.regions.counts"),
        list(counts.values()),
        [STATUS_COLOURS[s] for s in counts],
        horizontal=False,
        label_format="#,##0",
        size=11,
    )
    right = box.part(0.37, 0, 0.63, 1)
    if not rows:
        add_text(slide, right, [b.text("briefing.gaps.none")], size=16)
        return
    size = 11 if right.width >= Inches(7) else 9  # a 4:3 template leaves a narrower column
    shown = rows[: min(FIRST_ROWS, rows_that_fit(int(right.height * 0.9), size) - 1)]
    height = add_table(slide, right.part(0, 0, 1, 0.9), header, shown, widths, size=size)
    if len(rows) > len(shown):
        note = b.text(
            "briefing.gaps.first",
            shown=b.number(len(shown)),
            total=b.number(len(rows)),
            file=c.tables_file_name(b.as_of, b.province, b.lang),
        )
        add_text(
            slide,
            Box(right.left, right.top + height + Inches(0.1), right.width, Inches(0.4)),
            [note],
            size=11,
            colour=GREY,
        )


def _gap_table(b: Briefing) -> tuple[list[str], list[list[str]], list[float]]:
    header = [b.text(f"briefing.column.{k}") for k in ("code", "name", "province", "stage")]
    rows = [
        [
            g["code"],
            g["name"],
            b.province_names.get(g["province_code"], g["province_code"]),
            b.text(f"status.{g['pipeline_status']}"),
        ]
        for g in c.gap_rows(b)
    ]
    return header, rows, [0.11, 0.36, 0.25, 0.28]


def _region_table(b: Briefing) -> tuple[list[str], list[list[str]], list[float]]:
    header = [b.text(f"briefing.column.{k}") for k in ("code", "name", "status", "since")]
    rows = [
        [
            r["code"],
            r["name"],
            b.text(f"status.{r['status']}"),
            b.date(r["operating_since"]) if r["operating_since"] is not None else "",
        ]
        for r in c.region_rows(b)
    ]
    return header, rows, [0.11, 0.40, 0.24, 0.25]


def _regions_slide(prs: PresentationType, b: Briefing) -> None:
    header, rows, widths = _region_table(b)
    _counts_and_rows(
        prs,
        b,
        b.text("briefing.regions.title", province=b.province_name),
        b.text("briefing.notes.regions", date=b.date(b.as_of)),
        c.region_counts(b),
        header,
        rows,
        widths,
    )


def _gaps_slide(prs: PresentationType, b: Briefing) -> None:
    header, rows, widths = _gap_table(b)
    _counts_and_rows(
        prs,
        b,
        b.text("briefing.gaps.title"),
        b.text("briefing.notes.gaps", date=b.date(b.as_of)),
        c.gap_counts(b),
        header,
        rows,
        widths,
    )


def _pace(b: Briefing, value: float | None) -> str:
    return b.number(value, 2) if value is not None else "–"


def _plan_slide(prs: PresentationType, b: Briefing) -> None:
    """The provinces off track and at risk, with their required and own pace."""
    if b.plan is None:
        return
    notes = b.text(
        "briefing.notes.plan", date=b.date(b.as_of), target=b.date(b.plan.target_date), basis=b.text(f"basis.{b.basis}")
    )
    slide = _slide(prs, b, b.text("briefing.plan.title"), notes)
    box = body_box(prs)
    line = (b.plan.province(b.province) if b.province else None) or b.plan.national
    add_text(slide, box.part(0, 0, 1, 0.2), headline(line, b.plan.target_date, b.lang), size=13)
    rows = c.plan_rows(b)
    if not rows:
        add_text(slide, box.part(0, 0.24, 1, 0.2), [b.text("briefing.plan.none")], size=16)
        return
    header = [
        b.text("briefing.column.province"),
        b.text("column.plan_status"),
        b.text("column.units_left"),
        b.text("column.required_per_year"),
        b.text("column.own_pace_per_year"),
        b.text("column.projected_completion"),
    ]
    table = [
        [
            r["name"],
            b.text(f"plan.status.{r['status']}"),
            b.number(r["units_left"]),
            _pace(b, r["required_per_year"]),
            _pace(b, r["own_pace_per_year"]),
            b.date(r["projected_completion"]) if r["projected_completion"] is not None else b.text("plan.never"),
        ]
        for r in rows
    ]
    area = box.part(0, 0.24, 1, 0.76)
    shown = table[: rows_that_fit(int(area.height), 11) - 1]
    height = add_table(slide, area, header, shown, [0.26, 0.14, 0.1, 0.15, 0.15, 0.2], size=11, align_right=(2, 3, 4))
    if len(table) > len(shown):
        note = b.text("briefing.plan.first", shown=b.number(len(shown)), total=b.number(len(table)))
        add_text(
            slide,
            Box(area.left, area.top + height + Inches(0.05), area.width, Inches(0.4)),
            [note],
            size=11,
            colour=GREY,
        )


def _agencies_slide(prs: PresentationType, b: Briefing) -> None:
    slide = _slide(prs, b, b.text("briefing.agencies.title"), b.text("briefing.notes.agencies", date=b.date(b.as_of)))
    box = body_box(prs)
    with_data = int(b.agencies["operating_malls_with_data"].max()) if len(b.agencies) else 0
    if not with_data:
        add_text(slide, box, [b.text("briefing.agencies.no_data")], size=16)
        return
    add_text(
        slide,
        box.part(0, 0, 1, 0.08),
        [b.text("briefing.agencies.basis", count=b.number(with_data))],
        size=12,
        colour=GREY,
    )
    add_bar_chart(
        slide,
        box.part(0, 0.08, 1, 0.92),
        list(b.agencies["short_name"]),
        b.text("briefing.agencies.series"),
        list(b.agencies["share_pct"]),
        [OKABE_ITO["green"]],
        horizontal=True,
        label_format='0"%"',
        maximum=100,
        size=10,
    )


def _map_slide(prs: PresentationType, b: Briefing) -> None:
    slide = _slide(prs, b, b.text("briefing.map.title"), b.text("briefing.notes.map", date=b.date(b.as_of)))
    box = body_box(prs)
    if b.map_png is None:
        add_text(slide, box, [b.text("briefing.map.missing")], size=16, colour=WARNING_RED)
        return
    picture = slide.shapes.add_picture(io.BytesIO(b.map_png), box.left, box.top, height=box.height)
    if picture.width > box.width:  # keep the picture's shape, inside the box
        picture.height = int(picture.height * box.width / picture.width)
        picture.width = box.width
    picture.left = box.left + (box.width - picture.width) // 2


def _closing_slide(prs: PresentationType, b: Briefing) -> None:
    slide = _slide(prs, b, b.text("briefing.closing.title"), b.text("briefing.notes.closing"))
    keys = ("covered", "regions", "stages", "forecast", "agencies", "map")
    lines = [b.text(f"briefing.closing.{k}") for k in keys]
    lines.insert(1, b.text("briefing.closing.basis", basis=b.text(f"basis.{b.basis}")))
    lines.append(b.text("briefing.closing.made", snapshot=b.snapshot["id"], files=b.files, created=b.date(b.created)))
    if b.snapshot["is_sample"]:
        lines.append(b.text("briefing.sample_warning"))
    add_text(slide, body_box(prs), ["• " + line for line in lines], size=15)


def _scope_table_slide(prs: PresentationType, b: Briefing) -> None:
    """The province's regions by status, or the provinces ranked by coverage."""
    if b.province:
        _regions_slide(prs, b)
    else:
        _provinces_slide(prs, b)


#: The slides before the appendix, in order: each adds its slides for a briefing (none when it has
#: nothing to say, as the planner slide without a plan). A new slide is one function added here.
def _agreements_slide(prs: PresentationType, b: Briefing) -> None:
    title = b.text("briefing.agreements.title")
    use_slides.agreements_slide(prs, _slide(prs, b, title, title), b)


def _use_slide(prs: PresentationType, b: Briefing) -> None:
    month = format_period(b.use["month"], b.lang) if b.use and b.use["month"] else "–"
    use_slides.use_slide(prs, _slide(prs, b, b.text("briefing.use.title", month=month), b.text("use.title")), b)


SLIDES: list[Callable[[PresentationType, Briefing], None]] = [
    _title_slide,
    _headline_slide,
    _coverage_slide,
    _scope_table_slide,
    _gaps_slide,
    _plan_slide,
    _agencies_slide,
    _agreements_slide,
    _use_slide,
    _map_slide,
    _closing_slide,
]
