"""The Upload page, row problems (issue.*, their short names issue_kind.*) and stopping errors (error.*, reason.*)."""

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
        "id": "Seret berkas ke kotak di atas atau klik tombolnya (“Browse files” atau “Upload”); batas {limit} MB per "
        "berkas. Tulisan di dalam kotak itu dari Streamlit dan hanya tersedia dalam bahasa Inggris.",
        "en": "Drag files onto the box above or click its button (“Browse files” or “Upload”); limit {limit} MB per file.",
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
    "upload.title": {"id": "Unggah Data", "en": "Upload data"},
    "upload.intro": {
        "id": "Unggah ekspor daftar MPP dan keikutsertaan instansi (xlsx, xlsm, xls, ods, csv). Berkas diperiksa "
        "dulu; data baru dimuat setelah Anda menekan Muat, sebagai unggahan baru. Unggahan lama tetap tersimpan.",
        "en": "Upload exports of malls and agency participation (xlsx, xlsm, xls, ods, csv). Files are checked "
        "first; data is loaded only when you press Load, as a new upload. Earlier uploads are kept.",
    },
    "upload.files": {"id": "Berkas ekspor", "en": "Export files"},
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
    "error.unexpected": {
        "id": "Maaf, terjadi kesalahan yang tidak terduga. Muat ulang halaman; jika berulang, hubungi admin.",
        "en": "Sorry, something unexpected went wrong. Reload the page; if it happens again, contact the admin.",
    },
    "error.reference": {
        "id": "Kode kesalahan: {error_id}. Sebutkan kode ini saat menghubungi admin.",
        "en": "Error id: {error_id}. Quote this id when you contact the admin.",
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
    "reason.empty": {"id": "berkas kosong", "en": "the file is empty"},
    "reason.not_a_workbook": {"id": "bukan berkas Excel/ODS yang sah", "en": "not a valid Excel/ODS file"},
    "reason.damaged": {"id": "berkas rusak", "en": "the file is damaged"},
    "reason.damaged_sheet": {"id": "sheet “{sheet}” rusak", "en": "sheet “{sheet}” is damaged"},
    "reason.binary": {"id": "bukan teks CSV", "en": "not CSV text"},
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
    "issue_kind.unknown_region": {"id": "Wilayah tidak dikenal", "en": "Unknown region"},
    "issue_kind.ambiguous_region": {"id": "Nama wilayah ganda", "en": "Ambiguous region"},
    "issue_kind.missing_region": {"id": "Wilayah kosong", "en": "Missing region"},
    "issue_kind.province_mismatch": {"id": "Provinsi tidak sesuai", "en": "Province does not match"},
    "issue_kind.former_province": {"id": "Provinsi induk lama", "en": "Former parent province"},
    "issue_kind.unknown_province": {"id": "Provinsi tidak dikenal", "en": "Unknown province"},
    "issue_kind.bad_date": {"id": "Tanggal tidak terbaca", "en": "Unreadable date"},
    "issue_kind.future_date": {"id": "Tanggal terlalu jauh ke depan", "en": "Date too far ahead"},
    "issue_kind.bad_status": {"id": "Status tidak dikenal", "en": "Unknown status"},
    "issue_kind.bad_number": {"id": "Angka tidak terbaca", "en": "Unreadable number"},
    "issue_kind.negative_number": {"id": "Angka negatif", "en": "Negative number"},
    "issue_kind.duplicate_mall": {"id": "MPP ganda", "en": "Duplicate mall"},
    "issue_kind.unknown_agency": {"id": "Instansi tidak dikenal", "en": "Unknown agency"},
    "issue_kind.missing_agency": {"id": "Instansi kosong", "en": "Missing agency"},
    "issue_kind.bad_mark": {"id": "Isian tidak dikenal", "en": "Unknown mark"},
    "issue_kind.no_table_found": {"id": "Tidak ada tabel", "en": "No table found"},
    "issue_kind.unreadable_file": {"id": "Berkas tidak terbaca", "en": "Unreadable file"},
    "issue_kind.encrypted_file": {"id": "Berkas berkata sandi", "en": "Password-protected file"},
    "issue_kind.file_too_large": {"id": "Berkas terlalu besar", "en": "File too large"},
}
