"""Tables as downloadable files (pure: frame in, bytes out)."""

from __future__ import annotations

import io

import pandas as pd


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a BOM so that Excel opens Indonesian text correctly; comma-separated."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def to_excel_bytes(frame: pd.DataFrame, sheet_name: str) -> bytes:
    """One sheet with a frozen header row and columns wide enough to read."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet_name[:31], index=False)
        sheet = writer.sheets[sheet_name[:31]]
        sheet.freeze_panes = "A2"
        for index, column in enumerate(frame.columns, start=1):
            longest = max([len(str(column)), *(len(str(v)) for v in frame[column].head(500))])
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(60, longest + 2)
    return buffer.getvalue()
