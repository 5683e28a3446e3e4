"""Hostile files built in code: the issue #11 regressions, and mutations of good files for the fuzz test."""

from __future__ import annotations

import io
import random
import re
import zipfile

from mpp_data.service import UploadedFile
from tests.loaders import workbooks as wb

MALLS = [["Provinsi", "Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
         ["Jawa Barat", "Kota Depok", "MPP Kota Depok", "Beroperasi", "24/06/2024"],
         ["Sumatera Utara", "Kota Medan", "MPP Kota Medan", "Dalam Pembangunan", None],
         ["Kalimantan Barat", "Kab. Sanggau", "MPP Kabupaten Sanggau", "Direncanakan", None]]  # fmt: skip
GRID = [["Kabupaten/Kota", "Nama MPP", "Polri", "BPJS Kesehatan", "Kemenag"],
        ["Kota Depok", "MPP Kota Depok", "v", "", "1"],
        ["Kota Medan", "MPP Kota Medan", "✓", "v", ""]]  # fmt: skip


def far_cell_xlsx(name: str = "sel_jauh.xlsx") -> UploadedFile:
    """About 5 KB: one cell at XFD1048576, the sheet declaring A1:XFD1048576 as Excel writes it."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "MPP"
    book.active["XFD1048576"] = "x"
    buffer = io.BytesIO()
    book.save(buffer)
    return UploadedFile(name, with_dimension(buffer.getvalue(), "A1:XFD1048576"))


def with_dimension(content: bytes, ref: str) -> bytes:
    """The workbook with each sheet's ``<dimension ref>`` replaced (a declaration, not the cells)."""
    return rewrite_members(
        content,
        lambda name, data: (
            re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), data)
            if name.startswith("xl/worksheets/")
            else data
        ),
    )


def rewrite_members(content: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                target.writestr(info.filename, data)
    return buffer.getvalue()


def truncated_xls(name: str = "terpotong.xls") -> UploadedFile:
    """An .xls cut at 4 KB: the Rust reader panics on it (pyo3 ``PanicException``, a BaseException)."""
    full = wb.xls([["Kabupaten/Kota", "Status"]] + [["Kota Depok", "Beroperasi"]] * 50)
    return UploadedFile(name, full.content[:4096])


def one_line_csv(columns: int = 2_000_000, name: str = "satu_baris.csv") -> UploadedFile:
    """About 4 MB: one line of two million columns."""
    return UploadedFile(name, b",".join([b"a"] * columns))


def deep_xml_xlsx(depth: int, name: str = "dalam.xlsx") -> UploadedFile:
    """A sheet whose first cell holds inline text nested ``depth`` elements deep."""
    good = wb.xlsx({"MPP": MALLS}).content
    nested = b"<is>" + b"<r>" * depth + b"<t>x</t>" + b"</r>" * depth + b"</is>"

    def deepen(member: str, data: bytes) -> bytes:
        if member != "xl/worksheets/sheet1.xml":
            return data
        return data.replace(
            b"<sheetData>", b'<sheetData><row r="1"><c r="A1" t="inlineStr">' + nested + b"</c></row>", 1
        )

    return UploadedFile(name, rewrite_members(good, deepen))


def base_files() -> list[UploadedFile]:
    """Good files in every format the loader reads: the seeds of the mutations."""
    return [
        wb.xlsx({"MPP": MALLS, "Instansi": GRID}, name="baik.xlsx"),
        wb.xlsx({"Instansi": GRID}, name="instansi.xlsm"),
        wb.csv_file(MALLS, name="baik.csv"),
        wb.csv_file(GRID, delimiter=";", name="instansi.csv"),
        wb.xls(MALLS, name="baik.xls"),
        wb.ods(MALLS, name="baik.ods"),
    ]


def _truncate(rng: random.Random, content: bytes) -> bytes:
    return content[: rng.randrange(1, len(content))]


def _flip(rng: random.Random, content: bytes) -> bytes:
    data = bytearray(content)
    for _ in range(rng.choice([1, 4, 32])):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _swap_members(rng: random.Random, content: bytes) -> bytes:
    names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    a, b = rng.sample(names, 2)
    source = zipfile.ZipFile(io.BytesIO(content))
    return rewrite_members(content, lambda n, d: source.read(b) if n == a else source.read(a) if n == b else d)


def _drop_member(rng: random.Random, content: bytes) -> bytes:
    gone = rng.choice(zipfile.ZipFile(io.BytesIO(content)).namelist())
    return rewrite_members(content, lambda n, d: None if n == gone else d)


def _huge_dimension(rng: random.Random, content: bytes) -> bytes:
    last = rng.choice(["XFD1048576", "ALL1048576", "Z99999999", "AAA1", "J300000"])
    return with_dimension(content, f"A1:{last}")


def _inflate_member(rng: random.Random, content: bytes) -> bytes:
    """Blank padding in a sheet's XML: large unpacked, small packed."""
    pad = b" " * rng.choice([10**6, 3 * 10**7])
    return rewrite_members(content, lambda n, d: d.replace(b"<sheetData>", b"<sheetData>" + pad, 1)
                           if n.startswith("xl/worksheets/") else d)  # fmt: skip


def _long_line(rng: random.Random, content: bytes) -> bytes:
    return content + b"Kota Depok," + b"x" * rng.choice([10**5, 2 * 10**6]) + b"\n"


def _wide_line(rng: random.Random, content: bytes) -> bytes:
    return content + b"," * rng.choice([999, 5000, 200_000]) + b"\n"


def _garbage_csv(rng: random.Random, content: bytes) -> bytes:
    return content + bytes(rng.randrange(256) for _ in range(rng.choice([10, 1000])))


ZIP_MUTATIONS = [_truncate, _flip, _swap_members, _drop_member, _huge_dimension, _inflate_member]
BINARY_MUTATIONS = [_truncate, _flip]
CSV_MUTATIONS = [_truncate, _flip, _long_line, _wide_line, _garbage_csv]


def mutated_files(count: int, seed: int = 11) -> list[UploadedFile]:
    """``count`` mutations of the base files (fixed seed), plus deep-XML workbooks."""
    rng = random.Random(seed)
    bases = base_files()
    files = [deep_xml_xlsx(depth, name=f"dalam_{depth}.xlsx") for depth in (1_000, 100_000)]
    while len(files) < count:
        base = rng.choice(bases)
        suffix = base.name.rsplit(".", 1)[-1]
        if base.content.startswith(b"PK") and suffix != "ods":
            mutations = ZIP_MUTATIONS
        elif suffix == "csv":
            mutations = CSV_MUTATIONS
        else:
            mutations = BINARY_MUTATIONS + ([_swap_members, _drop_member] if suffix == "ods" else [])
        mutate = rng.choice(mutations)
        files.append(UploadedFile(f"fuzz_{len(files):03d}_{mutate.__name__.strip('_')}.{suffix}",
                                  mutate(rng, base.content)))  # fmt: skip
    return files
