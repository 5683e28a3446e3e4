"""Write the illustrative sample workbooks in ``sample_data/`` (deterministic: fixed seed).

The workbooks look like ministry exports (title rows, Indonesian headers, a totals row, region names
written many ways, dates as cells and as text) and follow the public national totals of operating
MPPs: 3 in 2017, 56 in mid 2022, 152 in Sep 2023, 208 in Jun 2024, 272 in Dec 2024, 305 in Dec 2025.
They are sample data, and say so in a note cell.

    python scripts/make_sample_data.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpp_data.reference.agencies import MOU_AGENCIES  # noqa: E402
from mpp_data.reference.regions import official_regions  # noqa: E402

SEED = 20251231
NOTE = "CATATAN: DATA CONTOH (ilustratif, bukan data resmi) — dibuat oleh scripts/make_sample_data.py"
NOTE_EN = "NOTE: SAMPLE DATA (illustrative, not official figures) — written by scripts/make_sample_data.py"

# (first day, last day, inaugurations spread over the period) or (day, day, batch on one day).
TIMELINE = [
    (dt.date(2018, 1, 15), dt.date(2018, 12, 15), 11),
    (dt.date(2019, 1, 10), dt.date(2019, 12, 15), 12),
    (dt.date(2020, 1, 10), dt.date(2020, 12, 15), 10),
    (dt.date(2021, 1, 10), dt.date(2021, 12, 15), 14),
    (dt.date(2022, 1, 10), dt.date(2022, 6, 28), 6),  # 56 in mid 2022
    (dt.date(2022, 7, 5), dt.date(2022, 12, 20), 47),
    (dt.date(2023, 1, 10), dt.date(2023, 8, 31), 37),
    (dt.date(2023, 9, 12), dt.date(2023, 9, 12), 12),  # batch: 152
    (dt.date(2023, 9, 20), dt.date(2024, 6, 10), 39),  # 191
    (dt.date(2024, 6, 24), dt.date(2024, 6, 24), 17),  # batch: 208
    (dt.date(2024, 7, 1), dt.date(2024, 12, 10), 22),
    (dt.date(2024, 12, 19), dt.date(2024, 12, 19), 42),  # batch: 272
    (dt.date(2025, 1, 15), dt.date(2025, 12, 1), 24),
    (dt.date(2025, 12, 15), dt.date(2025, 12, 15), 9),  # batch: 305
]
FIRST_THREE = [("31", dt.date(2017, 2, 14)), ("35.78", dt.date(2017, 3, 20)), ("35.10", dt.date(2017, 12, 12))]
FULL_BY_2024 = {"34", "51", "21", "36"}  # DI Yogyakarta, Bali, Kepulauan Riau, Banten
PROVINCE_WEIGHT = {
    "31": 5,
    "32": 3,
    "33": 3,
    "34": 5,
    "35": 3,
    "36": 5,
    "51": 5,
    "21": 5,
    "12": 1.5,
    "13": 1.5,
    "14": 1.5,
    "16": 1.4,
    "18": 1.3,
    "73": 1.5,
    "71": 1.3,
    "64": 1.2,
    "52": 1.2,
    "61": 1.0,
    "91": 0.35,
    "92": 0.4,
    "93": 0.3,
    "94": 0.25,
    "95": 0.2,
    "96": 0.4,
    "81": 0.6,
    "82": 0.6,
}
SECOND_MALLS = {"32.01": "MPP Cibinong Kabupaten Bogor", "35.15": "MPP Kabupaten Sidoarjo Barat"}
UNDER_CONSTRUCTION, PLANNED = 45, 70

AGENCY_PRESENCE = {"panrb": 0.18, "kemendagri": 0.97, "ma": 0.45, "kemenkeu": 0.72, "kemenkumham": 0.55,
                   "kemenag": 0.78, "atr_bpn": 0.82, "kejaksaan": 0.7, "polri": 0.95, "bnn": 0.22, "bpom": 0.3,
                   "bp2mi": 0.28, "perpusnas": 0.14, "bpjs_kesehatan": 0.96, "bpjs_ketenagakerjaan": 0.93,
                   "taspen": 0.6, "pln": 0.66}  # fmt: skip
MIGRANT_PROVINCES = {"52", "53", "35", "32", "33"}
AGENCY_HEADERS = {"panrb": "KemenPANRB", "kemendagri": "Kemendagri", "ma": "MA", "kemenkeu": "Kemenkeu",
                  "kemenkumham": "Kemenkumham", "kemenag": "Kemenag", "atr_bpn": "ATR/BPN",
                  "kejaksaan": "Kejaksaan", "polri": "Polri", "bnn": "BNN", "bpom": "BPOM", "bp2mi": "BP2MI",
                  "perpusnas": "Perpusnas", "bpjs_kesehatan": "BPJS Kesehatan",
                  "bpjs_ketenagakerjaan": "BPJS TK", "taspen": "Taspen", "pln": "PLN"}  # fmt: skip
OTHER_TENANTS = {"Bank BRI": 0.7, "Bank Daerah": 0.8, "PDAM": 0.55, "Pegadaian": 0.4}
PROVINCE_WRITINGS = {"31": ["DKI Jakarta"], "34": ["DI Yogyakarta", "DIY"], "19": ["Kep. Bangka Belitung",
                     "Kepulauan Bangka Belitung"], "21": ["Kepulauan Riau", "Kepri"]}  # fmt: skip
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]  # fmt: skip
COMPASS_EN = {"Utara": "North", "Selatan": "South", "Timur": "East", "Barat": "West", "Tengah": "Central",
              "Tenggara": "Southeast", "Barat Daya": "Southwest"}  # fmt: skip


def base_name(name: str) -> str:
    for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def english_base(base: str) -> str:
    """``Timor Tengah Utara`` -> ``North Central Timor``."""
    words = base.split()
    compass = []
    while len(words) > 1:
        if len(words) > 2 and " ".join(words[-2:]) == "Barat Daya":
            compass.append(COMPASS_EN["Barat Daya"])
            words = words[:-2]
        elif words[-1] in COMPASS_EN:
            compass.append(COMPASS_EN[words.pop()])
        else:
            break
    return " ".join(compass + words)


def written_region(rng: random.Random, region: dict, ambiguous_bases: set[tuple[str, str]]) -> str:
    base = base_name(region["name"])
    if region["province_code"] == "31" and region["kind"] == "kota":
        return rng.choice([region["name"], f"Kota Adm. {base}", base, f"KOTA ADM. {base.upper()}"])
    if region["kind"] == "kota":
        forms = [f"Kota {base}", f"KOTA {base.upper()}", f"{english_base(base)} City"]
    else:
        forms = [f"Kab. {base}", f"KAB {base.upper()}", f"Kabupaten {base}", f"{english_base(base)} Regency"]
        if (region["province_code"], base) not in ambiguous_bases:
            forms.append(base)
    return rng.choice(forms)


def written_date(rng: random.Random, day: dt.date) -> object:
    roll = rng.random()
    if roll < 0.6:
        return day
    if roll < 0.8:
        return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"
    return day.strftime("%d/%m/%Y")


def inauguration_days(rng: random.Random) -> list[dt.date]:
    days = []
    for first, last, count in TIMELINE:
        span = (last - first).days
        days += sorted(first + dt.timedelta(days=rng.randint(0, span)) for _ in range(count))
    return days


def order_regions(rng: random.Random, regions: list[dict]) -> list[dict]:
    """Regions in the order they get an MPP: busier provinces earlier, Papua late."""

    def key(region: dict) -> float:
        weight = PROVINCE_WEIGHT.get(region["province_code"], 0.9)
        if region["province_code"] in FULL_BY_2024:
            weight *= 4
        return rng.expovariate(1.0) / weight

    taken = {code for code, _ in FIRST_THREE}
    ordered = sorted((r for r in regions if r["code"] not in taken), key=key)
    # Regions that later open a second mall opened their first one early (2018).
    return [r for r in ordered if r["code"] in SECOND_MALLS] + [r for r in ordered if r["code"] not in SECOND_MALLS]


def build_malls(rng: random.Random) -> list[dict]:
    regions = official_regions().to_dict("records")
    by_code = {r["code"]: r for r in regions}
    ordered = order_regions(rng, regions)
    days = inauguration_days(rng)
    malls = []
    for code, day in FIRST_THREE:
        region = by_code.get(code)
        name = f"MPP {region['name']}" if region else "MPP Provinsi DKI Jakarta"
        malls.append({"code": code, "region": region, "name": name, "status": "Beroperasi", "date": day})
    # The second malls take days of the timeline too, so the national totals hold exactly.
    second_days = dict(zip(SECOND_MALLS, (days.pop(150), days.pop(230)), strict=True))
    position = 0
    for day in days:
        region = ordered[position]
        position += 1
        malls.append({"code": region["code"], "region": region, "name": None, "status": "Beroperasi", "date": day})
    for code, name in SECOND_MALLS.items():
        malls.append({"code": code, "region": by_code[code], "name": name, "status": "Beroperasi",
                      "date": second_days[code]})  # fmt: skip
    covered = {m["code"] for m in malls}
    rest = [r for r in ordered[position:] if r["code"] not in covered]
    for region in rest[:UNDER_CONSTRUCTION]:
        status = rng.choice(["Dalam Pembangunan", "Dalam Pembangunan", "Konstruksi"])
        malls.append({"code": region["code"], "region": region, "name": None, "status": status, "date": None})
    for region in rest[UNDER_CONSTRUCTION : UNDER_CONSTRUCTION + PLANNED]:
        status = rng.choice(["Direncanakan", "Direncanakan", "Rencana", "Ditunda"])
        malls.append({"code": region["code"], "region": region, "name": None, "status": status, "date": None})
    return malls


def mall_name(rng: random.Random, mall: dict) -> str:
    if mall["name"]:
        return mall["name"]
    region = mall["region"]
    base = base_name(region["name"])
    short = "Kab." if region["kind"] == "kabupaten" else "Kota"
    return rng.choice([f"MPP {region['name']}", f"Mal Pelayanan Publik {region['name']}", f"MPP {short} {base}"])


def province_written(rng: random.Random, mall: dict) -> str:
    region = mall["region"]
    code = region["province_code"] if region else "31"
    # Regencies of the new Papua provinces are often still filed under the old one.
    if code in ("93", "94", "95") and rng.random() < 0.25:
        return "Papua"
    if code in PROVINCE_WRITINGS:
        return rng.choice(PROVINCE_WRITINGS[code])
    return region["province_name"] if region else "DKI Jakarta"


def style_title(ws, width: int) -> None:
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A3"].font = Font(bold=True, color="C00000")
    ws["A4"].font = Font(italic=True, color="C00000")


def style_header(ws, row: int, width: int) -> None:
    for column in range(1, width + 1):
        cell = ws.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def write_title_and_header(ws, title: str, subtitle: str, headers: list[str]) -> None:
    """Rows 1-5 as exports have them (title, subtitle, the sample notes, a blank row), header in row 6."""
    for row in ([title], [subtitle], [NOTE], [NOTE_EN], [], headers):
        ws.append(row)
    style_title(ws, len(headers))
    style_header(ws, 6, len(headers))


def write_malls(rng: random.Random, malls: list[dict], path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Data MPP"
    headers = ["No", "Provinsi", "Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian", "Jumlah Instansi",
               "Jumlah Layanan", "Keterangan"]  # fmt: skip
    write_title_and_header(ws, "REKAPITULASI MAL PELAYANAN PUBLIK (MPP) SELURUH INDONESIA",
                           "Keadaan per 31 Desember 2025", headers)  # fmt: skip
    regions = official_regions()
    bases = regions.assign(base=regions["name"].map(base_name))
    ambiguous = {tuple(x) for x in bases[bases.duplicated(["province_code", "base"], keep=False)][
        ["province_code", "base"]].to_numpy()}  # fmt: skip
    totals = [0, 0]
    for number, mall in enumerate(sorted(malls, key=lambda m: (m["code"], m["name"] or "")), start=1):
        region = mall["region"]
        operating = mall["status"] == "Beroperasi"
        age_years = (dt.date(2025, 12, 31) - mall["date"]).days / 365 if mall["date"] else 0
        agencies = min(70, int(rng.randint(9, 20) + age_years * rng.uniform(2, 6))) if operating else None
        services = int(agencies * rng.uniform(4, 9)) if agencies else None
        totals[0] += agencies or 0
        totals[1] += services or 0
        region_text = written_region(rng, region, ambiguous) if region else "Provinsi DKI Jakarta"
        note = "Soft launch lebih dulu" if operating and rng.random() < 0.03 else None
        ws.append([number, province_written(rng, mall), region_text, mall_name(rng, mall), mall["status"],
                   written_date(rng, mall["date"]) if mall["date"] else None,
                   agencies if rng.random() > 0.1 or agencies is None else str(agencies), services, note])  # fmt: skip
        date_cell = ws.cell(row=ws.max_row, column=6)
        if isinstance(date_cell.value, dt.date):
            date_cell.number_format = "DD/MM/YYYY"
    ws.append([None, "JUMLAH", None, None, None, None, totals[0], totals[1], None])
    ws.cell(row=ws.max_row, column=2).font = Font(bold=True)
    for column, width in zip("ABCDEFGHI", (6, 24, 30, 42, 18, 18, 14, 14, 24), strict=True):
        ws.column_dimensions[column].width = width
    _save(wb, path)


def presence_probability(agency: str, mall: dict) -> float:
    probability = AGENCY_PRESENCE[agency]
    if agency == "bp2mi" and mall["region"] and mall["region"]["province_code"] in MIGRANT_PROVINCES:
        probability += 0.35
    if mall["date"] and mall["date"] < dt.date(2022, 1, 1):
        probability += 0.08
    return min(probability, 0.99)


def _agency_sheet(title: str) -> tuple[Workbook, Worksheet, list[str], list[str]]:
    """A workbook whose one sheet lists malls by the 17 MoU agencies: the book, the sheet, the agencies'
    keys and the header (number, province, region, mall, then an agency a column)."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    agency_keys = [a.key for a in MOU_AGENCIES]
    headers = ["No", "Provinsi", "Kabupaten/Kota", "Nama MPP"] + [AGENCY_HEADERS[k] for k in agency_keys]
    return wb, ws, agency_keys, headers


def _operating(malls: list[dict]) -> list[dict]:
    return sorted((m for m in malls if m["status"] == "Beroperasi"), key=lambda m: (m["code"], m["name"] or ""))


def write_participation(rng: random.Random, malls: list[dict], path: Path) -> None:
    wb, ws, agency_keys, headers = _agency_sheet("Keikutsertaan Instansi")
    headers += list(OTHER_TENANTS)
    write_title_and_header(ws, "KEIKUTSERTAAN INSTANSI PENANDATANGAN MoU 2022 DI MAL PELAYANAN PUBLIK",
                           "Tanda ✓ = instansi hadir / membuka layanan di MPP", headers)  # fmt: skip
    number = 0
    for mall in _operating(malls):
        if rng.random() < 0.05:  # some malls never sent their tenant list
            continue
        number += 1
        marks = []
        for key in agency_keys:
            present = rng.random() < presence_probability(key, mall)
            marks.append(rng.choice(["✓", "✓", "✓", "v", "1", "Ya"]) if present else None)
        marks += ["✓" if rng.random() < p else None for p in OTHER_TENANTS.values()]
        ws.append([number, *_grid_name(mall), *marks])
    for index in range(1, len(headers) + 1):
        ws.column_dimensions[ws.cell(row=6, column=index).column_letter].width = 12 if index > 4 else 28
    _save(wb, path)


#: How far each MoU agency has come with its agreements in the sample (share of malls at each stage).
STAGE_WORDS = (("belum", 0.18), ("proses", 0.17), ("Sudah PKS", 0.2), ("Loket buka", 0.3), ("Terintegrasi", 0.1),
               ("Berakhir", 0.05))  # fmt: skip


def _grid_name(mall: dict) -> tuple[str, str, str]:
    region = mall["region"]
    region_text = region["name"] if region else "Provinsi DKI Jakarta"
    province = region["province_name"] if region else "DKI Jakarta"
    return province, region_text, mall["name"] or f"MPP {region_text}"


def write_agreements(rng: random.Random, malls: list[dict], path: Path) -> None:
    """A grid of operating malls by MoU agencies whose cells hold stage words, PKS dates and marks."""
    wb, ws, agency_keys, headers = _agency_sheet("Rekap PKS")
    write_title_and_header(ws, "REKAPITULASI PERJANJIAN KERJA SAMA (PKS) INSTANSI DI MAL PELAYANAN PUBLIK",
                           "Isian: tahap PKS (belum, proses, sudah PKS, loket buka, terintegrasi, berakhir) "
                           "atau tanggal PKS", headers)  # fmt: skip
    words, weights = zip(*STAGE_WORDS, strict=True)
    for number, mall in enumerate(_operating(malls), start=1):
        cells: list[object] = []
        for _ in agency_keys:
            word = rng.choices(words, weights)[0]
            if word == "Sudah PKS" and rng.random() < 0.5:
                day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
                word = f"PKS {day:%d/%m/%Y}"
            cells.append(None if word == "belum" and rng.random() < 0.5 else word)
        ws.append([number, *_grid_name(mall), *cells])
    _save(wb, path)


VISIT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def write_visits(rng: random.Random, malls: list[dict], path: Path) -> None:
    """Visits per operating mall per month of 2025, months as columns (Indonesian month names)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Kunjungan 2025"
    headers = ["No", "Provinsi", "Kabupaten/Kota", "Nama MPP", *(f"{m} 2025" for m in VISIT_MONTHS)]
    write_title_and_header(ws, "JUMLAH KUNJUNGAN MAL PELAYANAN PUBLIK TAHUN 2025", "Per bulan", headers)
    for number, mall in enumerate(_operating(malls), start=1):
        base = rng.randint(300, 9000)
        quiet = rng.random() < 0.05  # some malls report no visits at all
        counts = [None if quiet else max(0, int(base * rng.uniform(0.7, 1.3))) for _ in VISIT_MONTHS]
        ws.append([number, *_grid_name(mall), *counts])
    _save(wb, path)


def _save(wb: Workbook, path: Path) -> None:
    fixed = dt.datetime(2025, 12, 31, 12, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "scripts/make_sample_data.py"
    wb.save(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "sample_data", help="folder to write to")
    args = parser.parse_args(argv)
    rng = random.Random(SEED)
    malls = build_malls(rng)
    # Names as the malls export writes them must match the participation sheet's names: fix them now.
    for mall in malls:
        mall["name"] = mall_name(rng, mall)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    write_malls(rng, malls, out / "mpp_malls_sample.xlsx")
    write_participation(rng, malls, out / "mpp_participation_sample.xlsx")
    more = random.Random(SEED + 1)  # the first two workbooks stay as they were
    write_agreements(more, malls, out / "mpp_agreements_sample.xlsx")
    write_visits(more, malls, out / "mpp_visits_sample.xlsx")
    print(f"wrote {len(malls)} malls to {out}")


if __name__ == "__main__":
    main()
