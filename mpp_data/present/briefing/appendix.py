"""The deck's appendix tables: a long list in at most ``APPENDIX_SLIDES`` slides, the rest named in the
workbook written beside the deck."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pptx.presentation import Presentation as PresentationType
from pptx.util import Inches

from mpp_data.present.briefing import content as c
from mpp_data.present.briefing.content import Briefing
from mpp_data.present.briefing.slides import GREY, Box, add_table, add_text, body_box, rows_that_fit
from mpp_data.present.text import format_percent

APPENDIX_ROWS = 20
#: Slides of one appendix table at most; longer lists end with a line naming the workbook that holds
#: them whole (``content.appendix_tables``, written beside the deck).
APPENDIX_SLIDES = 2
APPENDIX_SIZE = 9  # points: a reference list, not for presenting
#: (header, rows, column widths) of one table
Table = tuple[list[str], list[list[str]], list[float]]


def pages_of(rows: Sequence, most: int) -> list[Sequence]:
    """``rows`` in pages of at most ``most``, as even as can be (no page of two rows after full ones)."""
    count = -(-len(rows) // most)
    size = -(-len(rows) // count)
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def appendix_tables(
    prs: PresentationType,
    b: Briefing,
    new_slide: Callable[[PresentationType, Briefing, str, str], Any],
    title_key: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    align_right: Sequence[int] = (),
    sheet: str = "",
    **params: object,
) -> None:
    """At most ``APPENDIX_SLIDES`` slides of ``rows``; when they do not all fit, the last says how many
    are shown and names the workbook and its ``sheet`` that hold them all."""
    if not rows:
        return
    most = min(APPENDIX_ROWS, rows_that_fit(body_box(prs).height, APPENDIX_SIZE) - 1)
    cut = len(rows) > most * APPENDIX_SLIDES
    if cut:  # room for the closing line under the last table
        most = min(APPENDIX_ROWS, rows_that_fit(body_box(prs).height - Inches(0.45), APPENDIX_SIZE) - 1)
    shown = rows[: most * APPENDIX_SLIDES]
    pages = pages_of(shown, most)
    for number, page in enumerate(pages, start=1):
        title = b.text(title_key, page=number, pages=len(pages), **params)
        slide = new_slide(prs, b, title, b.text("briefing.notes.appendix"))
        box = body_box(prs)
        if cut:
            box = Box(box.left, box.top, box.width, box.height - Inches(0.45))
        height = add_table(slide, box, header, page, widths, size=APPENDIX_SIZE, align_right=align_right)
        if cut and number == len(pages):
            note = b.text(
                "briefing.appendix.rest",
                shown=b.number(len(shown)),
                total=b.number(len(rows)),
                file=c.tables_file_name(b.as_of, b.province, b.lang),
                sheet=sheet,
            )
            add_text(
                slide,
                Box(box.left, box.top + height + Inches(0.08), box.width, Inches(0.4)),
                [note],
                size=11,
                colour=GREY,
            )


def appendix(
    prs: PresentationType,
    b: Briefing,
    new_slide: Callable[[PresentationType, Briefing, str, str], Any],
    *,
    regions: Table | None,
    gaps: Table,
) -> None:
    """The appendix: the province's regions (``regions``) or the provinces ranked, the gaps, the at-risk."""
    if b.province:
        assert regions is not None
        header, rows, widths = regions
        appendix_tables(
            prs,
            b,
            new_slide,
            "briefing.appendix.regions",
            header,
            rows,
            widths,
            province=b.province_name,
            sheet=b.text("briefing.sheet.regions"),
        )
    else:
        header = [b.text(f"briefing.column.{k}") for k in ("rank", "province", "covered", "coverage_pct")]
        rows = [
            [
                b.number(p["rank"]),
                p["name"],
                f"{b.number(p['covered_regions'])} / {b.number(p['total_regions'])}",
                format_percent(p["coverage_pct"], b.lang),
            ]
            for p in c.ranked_provinces(b)
        ]
        appendix_tables(
            prs,
            b,
            new_slide,
            "briefing.appendix.provinces",
            header,
            rows,
            [0.1, 0.5, 0.2, 0.2],
            align_right=(2, 3),
            sheet=b.text("briefing.sheet.provinces"),
        )
    header, rows, widths = gaps
    appendix_tables(
        prs, b, new_slide, "briefing.appendix.gaps", header, rows, widths, sheet=b.text("briefing.sheet.gaps")
    )
    header = [b.text(f"briefing.column.{k}") for k in ("code", "name", "province", "stage")]
    rows = [[r["code"], r["name"], r["province_name"], b.text(f"status.{r['status']}")] for r in c.at_risk_rows(b)]
    appendix_tables(
        prs,
        b,
        new_slide,
        "briefing.appendix.at_risk",
        header,
        rows,
        [0.11, 0.36, 0.25, 0.28],
        sheet=b.text("briefing.sheet.at_risk"),
    )
