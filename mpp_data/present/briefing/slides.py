"""PowerPoint building blocks for the briefing: the template, slide frames, tables and native charts.

Charts are python-pptx chart objects (their data sits in an embedded workbook), so an official can
restyle or edit them in PowerPoint. Positions are fractions of the slide, so a ministry template of any
size works.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE, XL_TICK_LABEL_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu, Inches, Pt

WIDE = (Inches(13.333), Inches(7.5))  # 16:9
GREY = RGBColor(0x59, 0x59, 0x59)
WARNING_RED = RGBColor(0xC0, 0x00, 0x00)
#: Day 0 of the serial dates Excel, PowerPoint and LibreOffice store in a chart's workbook.
SERIAL_EPOCH = dt.date(1899, 12, 30)
SMALLEST_TITLE = 16  # points: a title shrinks to fit one line, down to this


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int

    def part(self, x: float, y: float, w: float, h: float) -> Box:
        """A share of this box: ``x``, ``y``, ``w``, ``h`` as fractions of its width and height."""
        return Box(
            self.left + int(self.width * x), self.top + int(self.height * y), int(self.width * w), int(self.height * h)
        )


def open_presentation(template: str | Path | None) -> PresentationType:
    """A ministry template's masters and layouts with its own slides removed, or the built-in design:
    python-pptx's plain default widened to 16:9."""
    if template:
        prs = Presentation(str(template))
        slide_ids = prs.slides._sldIdLst  # python-pptx has no public way to delete a slide
        for slide_id in list(slide_ids):
            prs.part.drop_rel(slide_id.rId)
            slide_ids.remove(slide_id)
        return prs
    prs = Presentation()
    ratio = WIDE[0] / prs.slide_width
    # Layout placeholders first: they read their position from the master, which is widened after them.
    # All four sides are written: setting only ``left`` on an inheriting placeholder zeroes its top.
    for shape in [p for layout in prs.slide_layouts for p in layout.placeholders] + list(prs.slide_master.shapes):
        left, top, width, height = shape.left, shape.top, shape.width, shape.height
        shape.left, shape.top, shape.width, shape.height = int(left * ratio), top, int(width * ratio), height
    prs.slide_width, prs.slide_height = WIDE
    title = next(p for p in content_layout(prs).placeholders if p.placeholder_format.type == PP_PLACEHOLDER.TITLE)
    title.top, title.height = Inches(0.25), Inches(0.95)  # the default's 1.25 in title box leaves little room
    return prs


def _has_title(layout: SlideLayout) -> bool:
    return any(
        p.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE) for p in layout.placeholders
    )


def title_layout(prs: PresentationType) -> SlideLayout:
    return prs.slide_layouts[0]


def content_layout(prs: PresentationType) -> SlideLayout:
    """The "Title Only" layout (by name), else the first other layout with a title."""
    layouts = list(prs.slide_layouts)
    for layout in layouts:
        if layout.name.strip().lower() in ("title only", "judul saja"):
            return layout
    with_title = [layout for layout in layouts[1:] if _has_title(layout)]
    return with_title[0] if with_title else layouts[0]


def body_box(prs: PresentationType) -> Box:
    """The free area of a content slide: under the layout's title, above the footer."""
    width, height = prs.slide_width, prs.slide_height
    margin = int(width * 0.04)
    titles = [p for p in content_layout(prs).placeholders if p.placeholder_format.type == PP_PLACEHOLDER.TITLE]
    top = (titles[0].top + titles[0].height + Inches(0.1)) if titles else margin
    return Box(margin, top, width - 2 * margin, height - top - Inches(0.5))


def row_height(size: int) -> int:
    return int(Pt(size) * 2.1)


def rows_that_fit(height: int, size: int) -> int:
    """Table rows (header included) of ``size`` points that fit in ``height``."""
    return max(2, height // row_height(size))


def text_width(text: str, size: float) -> int:
    """A generous estimate of ``text``'s width at ``size`` points in EMU, from DejaVu Sans' advances (the
    widest of the fonts a presentation program falls back to when the design's font is missing)."""

    def advance(char: str) -> float:
        if char in " .,:;'!|il":
            return 0.33
        if char.isupper() or char.isdigit() or char in "mwMW%":
            return 0.72
        return 0.58

    return int(sum(advance(ch) for ch in text) * Pt(size) * 1.05)


def one_line_size(text: str, width: int, largest: float, smallest: float = SMALLEST_TITLE) -> float:
    """The largest size, in whole points from ``largest`` down to ``smallest``, at which ``text`` fits
    ``width`` EMU on one line (``smallest`` when none does: the text then wraps)."""
    size = largest
    while size > smallest and text_width(text, size) > width:
        size -= 1
    return size


def new_slide(prs: PresentationType, title: str, notes: str, title_size: int | None = None) -> Slide:
    """A content slide whose title fits one line; ``title_size`` in points overrides the layout's (the
    built-in design only). A long title (a province with a long name) is set smaller rather than wrapped
    over the slide's body."""
    slide = prs.slides.add_slide(content_layout(prs))
    if slide.shapes.title is not None:
        shape = slide.shapes.title
        shape.text = title
        frame = shape.text_frame
        inner = shape.width - (frame.margin_left or 0) - (frame.margin_right or 0)
        largest = title_size or _layout_title_size(slide)
        size = one_line_size(title, inner, largest)
        if title_size or size < largest:
            frame.paragraphs[0].font.size = Pt(size)
    for shape in list(slide.placeholders):  # an empty body placeholder would show "Click to add text"
        if shape.placeholder_format.type not in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            shape._element.getparent().remove(shape._element)
    slide.notes_slide.notes_text_frame.text = notes
    return slide


def _layout_title_size(slide: Slide) -> float:
    """The title's size in the layout or master, in points (44, PowerPoint's default, when none is set)."""
    for source in (slide.slide_layout, slide.slide_layout.slide_master):
        for shape in source.placeholders:
            if shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                sizes = shape._element.xpath(".//a:defRPr/@sz | .//a:rPr/@sz")
                if sizes:
                    return int(sizes[0]) / 100
    styles = slide.slide_layout.slide_master._element.xpath("./p:txStyles/p:titleStyle//a:defRPr/@sz")
    return int(styles[0]) / 100 if styles else 44


def add_text(
    slide: Slide,
    box: Box,
    lines: Sequence[str],
    size: int = 14,
    colour: RGBColor | None = None,
    bold: bool = False,
    align: PP_ALIGN | None = None,
) -> None:
    frame = slide.shapes.add_textbox(box.left, box.top, box.width, box.height).text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.space_after = Pt(size * 0.5)
        if align is not None:
            paragraph.alignment = align
        font = paragraph.font
        font.size, font.bold = Pt(size), bold
        if colour is not None:
            font.color.rgb = colour


def add_footer(prs: PresentationType, slide: Slide, text: str, warning: str | None, own_design: bool) -> None:
    """A small line at the foot of a slide with the sample-data warning in red: in a template's footer
    placeholder when it has one (where its design expects a footer), else as two text boxes."""
    layout_footer = (
        None
        if own_design
        else next(
            (p for p in slide.slide_layout.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.FOOTER), None
        )
    )
    if layout_footer is not None:
        slide.shapes.clone_placeholder(layout_footer)
        paragraph = slide.placeholders[layout_footer.placeholder_format.idx].text_frame.paragraphs[0]
        paragraph.add_run().text = text
        if warning:
            run = paragraph.add_run()
            run.text = " · " + warning
            run.font.bold, run.font.color.rgb = True, WARNING_RED
        for run in paragraph.runs:  # a footer box is narrow; the template's size is for a short line
            run.font.size = Pt(9)
        return
    top = prs.slide_height - Inches(0.42)
    margin = int(prs.slide_width * 0.04)
    half = int((prs.slide_width - 2 * margin) / 2)
    add_text(slide, Box(margin, top, half, Inches(0.35)), [text], size=9, colour=GREY)
    if warning:
        add_text(
            slide,
            Box(margin + half, top, half, Inches(0.35)),
            [warning],
            size=9,
            colour=WARNING_RED,
            bold=True,
            align=PP_ALIGN.RIGHT,
        )


def add_table(
    slide: Slide,
    box: Box,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    size: int = 11,
    align_right: Sequence[int] = (),
) -> int:
    """A native table; ``widths`` are shares of the box, ``align_right`` the columns of figures.
    The text shrinks (to 8 points at least) when the rows would not fit the box. Returns its height."""
    while size > 8 and rows_that_fit(box.height, size) < len(rows) + 1:
        size -= 1
    height = Emu(row_height(size))
    shape = slide.shapes.add_table(len(rows) + 1, len(header), box.left, box.top, box.width, height * (len(rows) + 1))
    table = shape.table
    for i, share in enumerate(widths):
        table.columns[i].width = int(box.width * share)
    for r, values in enumerate([header, *rows]):
        table.rows[r].height = height
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = str(value)
            cell.margin_top = cell.margin_bottom = Pt(2)
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.font.size = Pt(size)
            paragraph.font.bold = r == 0
            if c in align_right:
                paragraph.alignment = PP_ALIGN.RIGHT
    return height * (len(rows) + 1)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def add_bar_chart(
    slide: Slide,
    box: Box,
    categories: Sequence[str],
    name: str,
    values: Sequence[float],
    colours: Sequence[str],
    *,
    horizontal: bool,
    label_format: str,
    maximum: float | None = None,
    size: int = 10,
) -> None:
    """One series of bars, each coloured (``colours`` repeats its last entry); first category on top."""
    data = CategoryChartData(number_format=label_format)
    data.categories = list(categories)
    data.add_series(name, list(values))
    kind = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    chart = slide.shapes.add_chart(kind, box.left, box.top, box.width, box.height, data).chart
    chart.has_title = False  # the slide's title says it; a one-series chart would repeat the series name
    chart.has_legend = False
    chart.font.size = Pt(size)
    plot = chart.plots[0]
    plot.gap_width = 40
    plot.has_data_labels = True
    plot.data_labels.number_format, plot.data_labels.number_format_is_linked = label_format, False
    plot.data_labels.font.size = Pt(size)
    if horizontal:
        chart.category_axis.reverse_order = True  # the first (highest) category at the top
    chart.category_axis.tick_labels.font.size = Pt(size)
    axis = chart.value_axis  # values on the axis too, with light grid lines: a bar is read against them
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = RGBColor(0xE5, 0xE5, 0xE5)
    axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    axis.tick_labels.font.size = Pt(size)
    axis.tick_labels.number_format, axis.tick_labels.number_format_is_linked = label_format, False
    axis.minimum_scale = 0
    if maximum is not None:
        axis.maximum_scale = maximum
    series = plot.series[0]
    for i, point in enumerate(series.points):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(colours[min(i, len(colours) - 1)])


@dataclass(frozen=True)
class Line:
    name: str
    values: Sequence[float | None]
    colour: str
    dashed: bool = False
    width: float = 2.25


def serial(day: dt.date) -> int:
    """``day`` as the serial number a chart's workbook stores (1 = 31 December 1899 in Excel's count)."""
    return (day - SERIAL_EPOCH).days


def year_ticks(*, first: dt.date, last: dt.date) -> tuple[int, int, float]:
    """(minimum, maximum, major unit) of a value axis of serial dates with one tick a year: from 1
    January of ``first``'s year to 1 January after ``last``. The unit is 365.25 days, so a tick falls
    within a day of 1 January; the axis starts a day after it, so no tick falls in the year before."""
    return serial(dt.date(first.year, 1, 1)) + 1, serial(dt.date(last.year + 1, 1, 1)) + 1, 365.25


def add_line_chart(
    slide: Slide, box: Box, dates: Sequence[dt.date], lines: Sequence[Line], lang: str, size: int = 11
) -> None:
    """Lines over time, legend below: an XY chart whose x values are serial dates on a value axis, so
    every presentation program draws each point at its date (a line chart's date axis is drawn as evenly
    spaced categories by some, which moves a line's end months away from its date). Every series has
    every date, a value left None being a gap: LibreOffice drops a series that has fewer points than one
    after it. A line of one point shows its marker."""
    data = XyChartData(number_format="#,##0")
    for line in lines:
        series = data.add_series(line.name, number_format="#,##0")
        for day, value in zip(dates, line.values, strict=True):
            series.add_data_point(serial(day), value)
    chart = slide.shapes.add_chart(
        XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS, box.left, box.top, box.width, box.height, data
    ).chart
    chart.has_title = False
    chart.font.size = Pt(size)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    axis = chart.category_axis  # the x axis of an XY chart: values
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = year_ticks(first=min(dates), last=max(dates))
    axis.tick_labels.number_format, axis.tick_labels.number_format_is_linked = "yyyy", False
    axis.has_major_gridlines = False
    chart.value_axis.minimum_scale = 0
    chart.value_axis.major_gridlines.format.line.color.rgb = RGBColor(0xE5, 0xE5, 0xE5)
    for series, line in zip(chart.plots[0].series, lines, strict=True):
        series.smooth = False
        series.format.line.color.rgb = _rgb(line.colour)
        series.format.line.width = Pt(line.width)
        if line.dashed:
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        if sum(v is not None for v in line.values) == 1:
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 9
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(line.colour)
        else:
            series.marker.style = XL_MARKER_STYLE.NONE
