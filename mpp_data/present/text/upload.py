"""The Upload page, row problems (issue.*; their short names are in ``problems``) and stopping errors (error.*, reason.*)."""

MESSAGES: dict[str, dict[str, str]] = {
    "upload.boundaries": {
        "id": "Batas wilayah resmi (GeoJSON, untuk admin)",
        "en": "Official boundaries (GeoJSON, for admins)",
    },
    "upload.boundaries_help": {
        "id": "GeoJSON dengan satu fitur per kabupaten/kota, berkunci kode Kemendagri (mis. 61.03) di properti code atau id. "
        "Di server, berkas juga dapat dipasang lewat pengaturan MPP_BOUNDARIES_PATH.",
        "en": "GeoJSON with one feature per regency/city keyed by Kemendagri code (e.g. 61.03) in the code property or id. "
        "On the server, the file can also be set with the MPP_BOUNDARIES_PATH setting.",
    },
    "upload.admin": {"id": "Untuk admin: batas wilayah resmi peta", "en": "For admins: the map's official boundaries"},
    "upload.files_help": {
        "id": "Seret berkas ke kotak di atas atau klik “Pilih berkas”; batas {limit} MB per berkas.",
        "en": "Drag files onto the box above or click “Choose files”; up to {limit} MB per file.",
    },
    "upload.choose_files": {"id": "Pilih berkas", "en": "Choose files"},
    "upload.limit_per_file": {
        "id": "Batas {limit} MB per berkas • {types}",
        "en": "Up to {limit} MB per file • {types}",
    },
    "upload.boundaries_save": {"id": "Simpan batas wilayah", "en": "Save boundaries"},
    "upload.boundaries_saved": {
        "id": "Batas wilayah disimpan: {regions} kabupaten/kota dikenali.",
        "en": "Boundaries saved: {regions} regencies/cities recognised.",
    },
    "upload.boundaries_invalid": {
        "id": "{problem} Tidak ada yang disimpan; perbaiki berkasnya lalu unggah lagi.",
        "en": "{problem} Nothing was saved; fix the file and upload it again.",
    },
    "upload.boundaries_current": {
        "id": "Batas wilayah yang dipakai peta: “{file}”.",
        "en": "Boundaries the map uses: “{file}”.",
    },
    "upload.boundaries_from_setting": {
        "id": "Batas wilayah diambil dari MPP_BOUNDARIES_PATH di server (“{file}”); berkas yang diunggah di sini "
        "tidak dipakai selama pengaturan itu ada.",
        "en": "Boundaries come from MPP_BOUNDARIES_PATH on the server (“{file}”); a file uploaded here is not used "
        "while that setting is there.",
    },
    "upload.boundaries_remove": {"id": "Hapus batas wilayah", "en": "Remove boundaries"},
    "upload.boundaries_removed": {
        "id": "Batas wilayah tidak dipakai lagi; peta menampilkan titik saja. Berkasnya tetap tercatat.",
        "en": "The boundaries are no longer used; the map shows points only. The file stays on record.",
    },
    "upload.title": {"id": "Unggah Data", "en": "Upload data"},
    "upload.intro": {
        "id": "Unggah ekspor daftar MPP dan keikutsertaan instansi (xlsx, xlsm, xls, ods, csv). Berkas diperiksa "
        "dulu; data baru dimuat setelah Anda menekan Muat, sebagai unggahan baru. Unggahan lama tetap tersimpan.",
        "en": "Upload exports of malls and agency participation (xlsx, xlsm, xls, ods, csv). Files are checked "
        "first; data is loaded only when you press Load, as a new upload. Earlier uploads are kept.",
    },
    "upload.files": {"id": "Berkas ekspor", "en": "Export files"},
    "upload.corrections": {"id": "Perbaiki atau kecualikan baris", "en": "Correct or leave out rows"},
    "upload.reason_needed": {
        "id": "Baris {row} (sheet {sheet}, berkas {file}) belum dikecualikan: tulis alasannya di kolom Alasan.",
        "en": "Row {row} (sheet {sheet}, file {file}) is not left out yet: write the reason in the Reason column.",
    },
    "upload.corrections_help": {
        "id": "Baris dengan kesalahan. Ketik isi yang benar di kolom Perbaikan: baris itu langsung diperiksa "
        "ulang. Atau centang Kecualikan dan tulis alasannya: baris itu tidak dimuat. Berkas asli tidak diubah; "
        "setiap perbaikan dan baris yang dikecualikan dicatat bersama unggahan.",
        "en": "Rows with errors. Type the right value in the Correction column: the row is checked again at "
        "once. Or tick Leave out and give a reason: the row is not loaded. The original file is not changed; "
        "each correction and each row left out is recorded with the upload.",
    },
    "corrections.state.clean": {"id": "✓ benar", "en": "✓ clean"},
    "corrections.state.error": {"id": "✗ masih salah", "en": "✗ still wrong"},
    "corrections.state.left_out": {"id": "dikecualikan", "en": "left out"},
    "corrections.left_out": {"id": "(dikecualikan)", "en": "(left out)"},
    "corrections.rejected_by_check": {"id": "ditolak oleh pemeriksaan", "en": "rejected by the check"},
    "upload.reading": {"id": "Membaca {file} ({step} dari {steps})…", "en": "Reading {file} ({step} of {steps})…"},
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
    "upload.kind.agreements_list": {"id": "PKS (per baris)", "en": "Cooperation agreements (rows)"},
    "upload.kind.agreements_grid": {
        "id": "PKS (tabel MPP × instansi)",
        "en": "Cooperation agreements (malls × agencies)",
    },
    "upload.kind.visits_long": {"id": "Kunjungan (per baris)", "en": "Visits (rows)"},
    "upload.kind.visits_wide": {"id": "Kunjungan (bulan sebagai kolom)", "en": "Visits (months as columns)"},
    "upload.counts": {
        "id": "{read} baris dibaca = {loaded} siap dimuat + {rejected} ditolak + {skipped} dilewati{what}.",
        "en": "{read} rows read = {loaded} ready to load + {rejected} rejected + {skipped} skipped{what}.",
    },
    "upload.skipped.blank": {"id": "{count} baris kosong", "en": "{count} blank"},
    "upload.skipped.total": {"id": "{count} baris jumlah/subtotal", "en": "{count} total or subtotal"},
    "upload.skipped.repeated_header": {"id": "{count} judul kolom berulang", "en": "{count} repeated header"},
    "upload.skipped.column_numbers": {"id": "{count} baris nomor kolom", "en": "{count} column-number"},
    "upload.skipped.units": {"id": "{count} baris satuan", "en": "{count} units"},
    "upload.skipped.note": {"id": "{count} baris catatan", "en": "{count} note"},
    "upload.skipped.signature": {"id": "{count} baris tanda tangan", "en": "{count} signature"},
    "upload.skipped.repeat": {"id": "{count} baris yang sama persis diulang", "en": "{count} exact repeat"},
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
    "upload.aliases": {"id": "Alias tersimpan ({count})", "en": "Saved aliases ({count})"},
    "upload.aliases_help": {
        "id": "Nama wilayah yang pernah dipilih analis. Nama resmi selalu didahulukan; hapus alias yang keliru.",
        "en": "Region names an analyst chose before. Official names always come first; remove an alias that is wrong.",
    },
    "upload.alias_choose": {"id": "Alias yang dihapus", "en": "Alias to remove"},
    "upload.alias_remove": {"id": "Hapus alias", "en": "Remove alias"},
    "upload.alias_removed": {"id": "Alias “{written}” dihapus.", "en": "Alias “{written}” removed."},
    "column.alias_written": {"id": "Nama tertulis", "en": "Name as written"},
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
    "upload.what.agreements": {"id": "perjanjian kerja sama", "en": "cooperation agreements"},
    "upload.what.visits": {"id": "kunjungan", "en": "visits"},
    "error.unexpected": {
        "id": "Maaf, terjadi kesalahan yang tidak terduga. Muat ulang halaman; jika berulang, hubungi admin.",
        "en": "Sorry, something unexpected went wrong. Reload the page; if it happens again, contact the admin.",
    },
    "error.reference": {
        "id": "Kode kesalahan: {error_id}. Sebutkan kode ini saat menghubungi admin.",
        "en": "Error id: {error_id}. Quote this id when you contact the admin.",
    },
    "error.alias_conflict": {
        "id": "“{written}” adalah nama resmi {official}, jadi tidak dapat disimpan sebagai alias untuk {region}. "
        "Periksa nama di berkas.",
        "en": "“{written}” is the official name of {official}, so it cannot be saved as an alias for {region}. "
        "Check the name in the file.",
    },
    "error.no_data": {
        "id": "Belum ada data. Unggah ekspor di halaman Unggah Data.",
        "en": "There is no data yet. Upload exports on the Upload data page.",
    },
    "error.snapshot_not_found": {
        "id": "Unggahan #{snapshot_id} tidak ditemukan. Pilih unggahan lain di Riwayat.",
        "en": "Upload #{snapshot_id} was not found. Choose another one in History.",
    },
    "error.memory_database": {
        "id": "Basis data “{url}” hanya ada di memori dan akan melupakan setiap unggahan. Atur MPP_DATABASE_URL "
        "ke berkas SQLite (sqlite:///var/mpp.sqlite) atau PostgreSQL.",
        "en": "The database “{url}” lives in memory only and would forget every upload. Set MPP_DATABASE_URL "
        "to a SQLite file (sqlite:///var/mpp.sqlite) or to PostgreSQL.",
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
    "error.file_too_complex": {
        "id": "Berkas “{file}” tidak dapat dibaca dengan aman: {reason}. Tidak ada yang diambil dari berkas ini. "
        "Buka di Excel, hapus baris dan kolom kosong, simpan sebagai .xlsx atau .csv, lalu unggah lagi.",
        "en": "The file “{file}” could not be read safely: {reason}. Nothing was taken from it. Open it in Excel, "
        "delete empty rows and columns, save it as .xlsx or .csv and upload it again.",
    },
    "error.file_too_complex.cells": {
        "id": "Sheet “{sheet}” di berkas “{file}” menyatakan ukuran sampai sel {last_cell}: {cells} juta sel (batas "
        "{limit} juta). Biasanya ada isian atau format di sel yang jauh. Hapus baris dan kolom kosong (Ctrl+End "
        "menunjukkan sel terakhir), simpan, lalu unggah lagi.",
        "en": "Sheet “{sheet}” in the file “{file}” declares cells up to {last_cell}: {cells} million cells (the limit "
        "is {limit} million). Usually something or some formatting sits in a far cell. Delete the empty rows and "
        "columns (Ctrl+End shows the last cell), save and upload it again.",
    },
    "error.file_too_complex.columns": {
        "id": "Sheet “{sheet}” di berkas “{file}” menyatakan {columns} kolom, sampai sel {last_cell} (batas {limit}). "
        "Hapus kolom kosong di sebelah kanan tabel (Ctrl+End menunjukkan sel terakhir), simpan, lalu unggah lagi.",
        "en": "Sheet “{sheet}” in the file “{file}” declares {columns} columns, up to cell {last_cell} (the limit is "
        "{limit}). Delete the empty columns right of the table (Ctrl+End shows the last cell), save and upload it "
        "again.",
    },
    "error.file_too_complex.line": {
        "id": "Berkas “{file}” memuat satu baris sepanjang {line_kb} KB (batas {limit_kb} KB); itu bukan ekspor CSV "
        "biasa dan tidak dibaca. Periksa berkasnya atau ekspor ulang dari Excel.",
        "en": "The file “{file}” holds a line of {line_kb} KB (the limit is {limit_kb} KB); that is no ordinary CSV "
        "export, so it is not read. Check the file or export it again from Excel.",
    },
    "error.file_too_complex.csv_columns": {
        "id": "Berkas “{file}” memuat baris dengan {columns} kolom (batas {limit}); itu bukan ekspor CSV biasa dan "
        "tidak dibaca. Periksa pemisah kolomnya atau ekspor ulang dari Excel.",
        "en": "The file “{file}” holds a line of {columns} columns (the limit is {limit}); that is no ordinary CSV "
        "export, so it is not read. Check its delimiter or export it again from Excel.",
    },
    "error.parse_timeout": {
        "id": "Membaca berkas “{file}” memakan waktu lebih dari {seconds} detik dan dihentikan. Tidak ada yang diambil "
        "dari berkas ini. Pisahkan menjadi beberapa berkas atau simpan ulang sebagai .csv, lalu unggah lagi.",
        "en": "Reading the file “{file}” took longer than {seconds} seconds and was stopped. Nothing was taken from "
        "it. Split it into several files or save it again as .csv, and upload it again.",
    },
    "error.invalid_boundaries": {
        "id": "Berkas batas wilayah “{file}” tidak dapat dipakai: {reason}.",
        "en": "The boundary file “{file}” cannot be used: {reason}.",
    },
    "reason.boundary_unreadable": {"id": "berkas tidak dapat dibuka", "en": "the file cannot be opened"},
    "reason.boundary_too_large": {
        "id": "ukurannya {size_mb} MB, melebihi batas {limit_mb} MB; sederhanakan dulu (mis. dengan mapshaper)",
        "en": "it is {size_mb} MB, over the limit of {limit_mb} MB; simplify it first (for example with mapshaper)",
    },
    "reason.boundary_not_json": {"id": "bukan teks GeoJSON", "en": "it is not GeoJSON text"},
    "reason.boundary_too_deep": {
        "id": "isinya bersarang jauh lebih dalam daripada GeoJSON mana pun",
        "en": "it is nested far deeper than any GeoJSON",
    },
    "reason.boundary_not_feature_collection": {
        "id": "bukan FeatureCollection GeoJSON",
        "en": "it is not a GeoJSON FeatureCollection",
    },
    "reason.boundary_geometry_type": {
        "id": "fitur ke-{feature} (kode {code}) berjenis {kind}, bukan Polygon, MultiPolygon atau kumpulan keduanya",
        "en": "feature {feature} (code {code}) is a {kind}, not a Polygon, MultiPolygon or a collection of those",
    },
    "reason.boundary_coordinates": {
        "id": "fitur ke-{feature} (kode {code}) memuat koordinat yang bukan pasangan angka bujur dan lintang",
        "en": "feature {feature} (code {code}) holds coordinates that are not longitude and latitude numbers",
    },
    "reason.boundary_open_ring": {
        "id": "fitur ke-{feature} (kode {code}) memuat poligon yang tidak tertutup",
        "en": "feature {feature} (code {code}) holds a polygon ring that is not closed",
    },
    "reason.boundary_too_many_points": {
        "id": "berisi lebih dari {points} titik (MPP_MAX_BOUNDARY_POINTS); sederhanakan dulu",
        "en": "it holds more than {points} points (MPP_MAX_BOUNDARY_POINTS); simplify it first",
    },
    "reason.boundary_no_known_region": {
        "id": "tidak ada kode kabupaten/kota resmi Kemendagri (mis. 61.03) di dalamnya",
        "en": "it holds no official Kemendagri regency/city code (such as 61.03)",
    },
    "reason.empty": {"id": "berkas kosong", "en": "the file is empty"},
    "reason.not_a_workbook": {"id": "bukan berkas Excel/ODS yang sah", "en": "not a valid Excel/ODS file"},
    "reason.damaged": {"id": "berkas rusak", "en": "the file is damaged"},
    "reason.damaged_sheet": {"id": "sheet “{sheet}” rusak", "en": "sheet “{sheet}” is damaged"},
    "reason.binary": {"id": "bukan teks CSV", "en": "not CSV text"},
    "reason.memory": {
        "id": "membacanya butuh lebih dari {memory_mb} MB memori",
        "en": "reading it needed more than {memory_mb} MB of memory",
    },
    "reason.crashed": {"id": "pembacanya berhenti di tengah jalan", "en": "the reader stopped part way through"},
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
    "issue.bad_stage": {
        "id": "Tahap PKS “{value}” ({where}) tidak dikenali. Gunakan Belum, Proses, Ditandatangani, Loket buka, "
        "Terintegrasi, Berakhir, tanggal PKS, ✓ atau -.",
        "en": "Agreement stage “{value}” ({where}) is not recognised. Use Not yet, Drafting, Signed, Counter open, "
        "Integrated, Ended, the signing date, ✓ or -.",
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
    "issue.participation_without_mall": {
        "id": "Keikutsertaan MPP “{value}” ({where}; {rows} baris) di {region}: MPP ini tidak ada di daftar. "
        "Disimpan, tetapi tidak dihitung sampai MPP-nya dimuat.",
        "en": "Participation of mall “{value}” ({where}; {rows} rows) in {region}: this mall is not in the register. "
        "Kept, but not counted until the mall is loaded.",
    },
    "issue.mall_not_in_register": {
        "id": "MPP “{value}” ({where}; {rows} baris) di {region} tidak ada di daftar MPP. Barisnya disimpan; "
        "periksa nama MPP-nya, atau muat MPP itu ke daftar.",
        "en": "Mall “{value}” ({where}; {rows} rows) in {region} is not in the register. The rows are kept; "
        "check the mall's name, or load the mall into the register.",
    },
    "issue.text_too_long": {
        "id": "Isian “{value}…” ({where}) terlalu panjang: {length} karakter, paling banyak {limit}. Baris ini "
        "tidak dimuat; perpendek isiannya.",
        "en": "Cell “{value}…” ({where}) is too long: {length} characters, at most {limit}. This row is not "
        "loaded; shorten the cell.",
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
    "issue.date_placeholder": {
        "id": "“{value}” ({where}) bukan tanggal: dimuat tanpa tanggal peresmian.",
        "en": "“{value}” ({where}) is not a date: loaded without an inauguration date.",
    },
    "issue.date_placeholder.planned": {
        "id": "“{value}” ({where}) bukan tanggal: dimuat tanpa tanggal peresmian, dengan status direncanakan.",
        "en": "“{value}” ({where}) is not a date: loaded without an inauguration date, as planned.",
    },
    "issue.date_order_assumed": {
        "id": "Tanggal seperti “{value}” ({where}) dapat dibaca hari/bulan atau bulan/hari; dibaca sebagai "
        "hari/bulan/tahun. Periksa kolom ini, atau tulis nama bulannya (3 Desember 2024).",
        "en": "Dates like “{value}” ({where}) read either day/month or month/day; they were read as "
        "day/month/year. Check this column, or write the month's name (3 December 2024).",
    },
    "issue.rows_skipped": {
        "id": "{count} baris dilewati di {where} (baris {rows}).",
        "en": "{count} rows skipped in {where} (rows {rows}).",
    },
    "issue.rows_skipped.column_numbers": {
        "id": "{count} baris nomor kolom ((1) (2) (3) …) dilewati di {where} (baris {rows}).",
        "en": "{count} column-number rows ((1) (2) (3) …) skipped in {where} (rows {rows}).",
    },
    "issue.rows_skipped.units": {
        "id": "{count} baris satuan di bawah judul kolom dilewati di {where} (baris {rows}).",
        "en": "{count} rows of units under the header skipped in {where} (rows {rows}).",
    },
    "issue.rows_skipped.repeated_header": {
        "id": "{count} judul kolom yang diulang (per halaman cetak) dilewati di {where} (baris {rows}).",
        "en": "{count} repeated header rows (one per printed page) skipped in {where} (rows {rows}).",
    },
    "issue.rows_skipped.total": {
        "id": "{count} baris jumlah/subtotal dilewati di {where} (baris {rows}).",
        "en": "{count} total or subtotal rows skipped in {where} (rows {rows}).",
    },
    "issue.rows_skipped.note": {
        "id": "{count} baris catatan, keterangan atau sumber dilewati di {where} (baris {rows}).",
        "en": "{count} rows of notes, legends or sources skipped in {where} (rows {rows}).",
    },
    "issue.rows_skipped.signature": {
        "id": "{count} baris tanda tangan (tempat dan tanggal, jabatan, nama, NIP) dilewati di {where} (baris {rows}).",
        "en": "{count} signature rows (place and date, title, name, NIP) skipped in {where} (rows {rows}).",
    },
    "issue.rows_skipped.blank": {
        "id": "{count} baris kosong dilewati di {where} (baris {rows}).",
        "en": "{count} blank rows skipped in {where} (rows {rows}).",
    },
    "severity.info": {"id": "informasi", "en": "information"},
}
