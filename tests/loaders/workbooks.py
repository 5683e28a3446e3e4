"""Small workbooks built in code, one quirk each, in every format the loader reads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import openpyxl

from mpp_data.service import UploadedFile

Rows = list[list[object]]


def xlsx(sheets: dict[str, Rows], merges: dict[str, list[str]] | None = None, name: str = "mpp.xlsx") -> UploadedFile:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for cell_range in (merges or {}).get(title, []):
            ws.merge_cells(cell_range)
    buffer = io.BytesIO()
    wb.save(buffer)
    return UploadedFile(name, buffer.getvalue())


def csv_file(rows: Rows, delimiter: str = ",", encoding: str = "utf-8", name: str = "mpp.csv") -> UploadedFile:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return UploadedFile(name, buffer.getvalue().encode(encoding))


def xls(rows: Rows, name: str = "mpp.xls") -> UploadedFile:
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("MPP")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write(i, j, value, date_style)
            elif value is not None:
                ws.write(i, j, value)
    buffer = io.BytesIO()
    wb.save(buffer)
    return UploadedFile(name, buffer.getvalue())


def ods(rows: Rows, name: str = "mpp.ods") -> UploadedFile:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="MPP")
    for row in rows:
        table_row = TableRow()
        for value in row:
            if isinstance(value, int | float) and not isinstance(value, bool):
                cell = TableCell(valuetype="float", value=value)
            elif isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
            else:
                cell = TableCell(valuetype="string")
            if value is not None:
                cell.addElement(P(text=str(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.write(buffer)
    return UploadedFile(name, buffer.getvalue())


def encrypted_xlsx(password: str = "rahasia") -> UploadedFile:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = xlsx({"MPP": [["Kabupaten/Kota", "Status"], ["Kota Depok", "Beroperasi"]]})
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain.content)).encrypt(password, out)
    return UploadedFile("terkunci.xlsx", out.getvalue())


def zip_bomb(unpacked_mb: int = 120) -> UploadedFile:
    """A zip that looks like a workbook and unpacks to far more than any export."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return UploadedFile("bom.xlsx", buffer.getvalue())


def with_damaged_sheet(file: UploadedFile, member: str, name: str = "separuh.xlsx") -> UploadedFile:
    """The workbook with one sheet's XML replaced by garbage: it opens, and that sheet fails to parse."""
    source = zipfile.ZipFile(io.BytesIO(file.content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = b"<worksheet><sheetData><row r=" if item.filename == member else source.read(item)
            target.writestr(item, data)
    return UploadedFile(name, buffer.getvalue())
