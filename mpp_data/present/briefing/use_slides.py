"""The deck's agreements slide (the funnel of the 17 MoU agencies) and use slide (the lowest and highest
visits of the latest month), each a sentence when nothing of its kind is loaded (issue 24 point 6)."""

from __future__ import annotations

from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide

from mpp_data.present.briefing.content import Briefing
from mpp_data.present.briefing.slides import GREY, add_table, add_text, body_box
from mpp_data.reference.agreements import STAGES


def agreements_slide(prs: PresentationType, slide: Slide, b: Briefing) -> None:
    """One row per MoU agency: operating malls at each stage, and the share signed or later."""
    box = body_box(prs)
    funnel = b.agreements
    if funnel is None or not b.agreements_loaded:
        add_text(slide, box, [b.text("briefing.agreements.none")], size=16)
        return
    malls = int(funnel["operating_malls"].iloc[0]) if len(funnel) else 0
    add_text(
        slide,
        box.part(0, 0, 1, 0.07),
        [b.text("briefing.agreements.basis", malls=b.number(malls), date=b.date(b.as_of))],
        size=12,
        colour=GREY,
    )
    header = [b.text("column.agency"), *(b.text(f"agreement_stage.{s}") for s in STAGES), b.text("column.signed_pct")]
    rows = [
        [r["short_name"], *(b.number(r[s]) for s in STAGES), b.number(r["signed_pct"], 1)]
        for r in funnel.to_dict("records")
    ]
    widths = [0.2] + [0.1] * len(STAGES) + [0.2]
    add_table(slide, box.part(0, 0.08, 1, 0.92), header, rows, widths, size=10, align_right=range(1, len(header)))


def use_slide(prs: PresentationType, slide: Slide, b: Briefing) -> None:
    """The five malls with the fewest and the most visits of the latest month, side by side."""
    box = body_box(prs)
    use = b.use
    if use is None or use["month"] is None:
        add_text(slide, box, [b.text("briefing.use.none")], size=16)
        return
    header = [b.text("column.mall"), b.text("column.visits"), b.text("column.active_pct")]
    for x, key in ((0, "lowest"), (0.52, "highest")):
        part = box.part(x, 0, 0.48, 1)
        add_text(slide, part.part(0, 0, 1, 0.1), [b.text(f"use.{key}")], size=14)
        rows = [
            [
                str(r["mall"]),
                b.number(r["visits"]),
                "–" if r["active_pct"] != r["active_pct"] else b.number(r["active_pct"], 1),
            ]
            for r in use[key].to_dict("records")
        ]
        add_table(slide, part.part(0, 0.12, 1, 0.88), header, rows, [0.6, 0.2, 0.2], size=11, align_right=(1, 2))
