"""What a load will do to the register (plan.*), and the loads refused for it (error.*)."""

MESSAGES: dict[str, dict[str, str]] = {
    "issue.correction_dropped": {
        "id": "Koreksi “{written}” → “{corrected}” ({where}) tidak dipakai: sel ini sekarang berisi “{value}”. "
        "Periksa lalu koreksi lagi bila perlu.",
        "en": "The correction “{written}” → “{corrected}” ({where}) was not applied: the cell now holds “{value}”. "
        "Check it and correct it again if needed.",
    },
    "issue.correction_dropped.file": {
        "id": "Koreksi “{corrected}” ({where}) tidak dipakai: berkasnya tidak ada di unggahan ini.",
        "en": "The correction “{corrected}” ({where}) was not applied: its file is not in this upload.",
    },
    "issue_kind.correction_dropped": {"id": "Koreksi tidak dipakai", "en": "Correction not applied"},
    "load_plan.title": {"id": "Yang akan dilakukan unggahan ini", "en": "What this upload will do"},
    "plan.scope.national": {
        "id": "Berkas ini mencakup seluruh daftar nasional (MPP di {provinces} provinsi).",
        "en": "These files cover the whole national register (malls in {provinces} provinces).",
    },
    "plan.scope.provinces": {
        "id": "Berkas ini adalah laporan {provinces} provinsi: {names}.",
        "en": "These files are a report of {provinces} province(s): {names}.",
    },
    "plan.scope.malls": {
        "id": "Berkas ini berisi daftar {malls} MPP dari {provinces} provinsi ({names}), bukan seluruh daftar.",
        "en": "These files list {malls} malls of {provinces} province(s) ({names}), not the whole register.",
    },
    "plan.scope.none": {
        "id": "Berkas ini tidak berisi daftar MPP; daftar MPP yang ada tetap.",
        "en": "These files hold no list of malls; the register's malls stay.",
    },
    "plan.mode.update": {
        "id": "Mode pembaruan: MPP dalam berkas ditambahkan atau diperbarui; MPP yang tidak ada di berkas tetap.",
        "en": "Update: the files' malls are added or updated; malls not in the files stay.",
    },
    "plan.mode.replace": {
        "id": "Mode penggantian: berkas ini menjadi seluruh daftar; MPP yang tidak ada di berkas dihapus dari tampilan.",
        "en": "Replace: these files become the whole register; malls not in them leave the view.",
    },
    "plan.summary": {
        "id": "{malls_added} MPP ditambah, {malls_removed} dihapus, {malls_changed} berubah; {regions_gained} "
        "kabupaten/kota baru tercakup, {regions_lost} tidak lagi tercakup. Sesudahnya daftar berisi {malls_after} MPP.",
        "en": "{malls_added} malls added, {malls_removed} removed, {malls_changed} changed; {regions_gained} "
        "regencies/cities newly covered, {regions_lost} no longer covered. Afterwards the register holds "
        "{malls_after} malls.",
    },
    "plan.column.province": {"id": "Provinsi", "en": "Province"},
    "plan.column.malls_added": {"id": "MPP ditambah", "en": "Malls added"},
    "plan.column.malls_removed": {"id": "MPP dihapus", "en": "Malls removed"},
    "plan.column.malls_changed": {"id": "MPP berubah", "en": "Malls changed"},
    "plan.column.regions_gained": {"id": "Kab/kota baru tercakup", "en": "Regions gained"},
    "plan.column.regions_lost": {"id": "Kab/kota tidak lagi tercakup", "en": "Regions lost"},
    "plan.choose_mode": {"id": "Cara memuat", "en": "How to load"},
    "plan.choice.auto": {"id": "Otomatis (menurut isi berkas)", "en": "Automatic (from the files)"},
    "plan.choice.update": {"id": "Pembaruan", "en": "Update"},
    "plan.choice.replace": {"id": "Penggantian seluruh daftar", "en": "Replace the whole register"},
    "plan.confirm": {
        "id": "Saya mengerti: {removed} dari {operating} MPP beroperasi ({share_pct}%) akan dihapus dari daftar.",
        "en": "I understand: {removed} of {operating} operating malls ({share_pct}%) will be removed from the register.",
    },
    "plan.equal": {
        "id": "Berkas ini sama dengan unggahan #{snapshot}; tidak ada yang disimpan.",
        "en": "These files equal upload #{snapshot}; nothing was stored.",
    },
    "plan.data_date": {"id": "Data ini keadaan per", "en": "These data are as of"},
    "plan.data_date_found": {
        "id": "Tanggal data dibaca dari berkas: keadaan per {date}.",
        "en": "Data date read from the files: as of {date}.",
    },
    "plan.data_date_help": {
        "id": "Berkas tidak menyebut tanggal datanya (misalnya “Keadaan per 31 Desember 2024”). Bawaan: hari ini.",
        "en": "The files do not say the date of their data (such as “Keadaan per 31 Desember 2024”). Default: today.",
    },
    "error.replace_needs_confirmation": {
        "id": "Berkas ini akan menggantikan seluruh daftar dan menghapus {removed} dari {operating} MPP yang beroperasi "
        "({share_pct}%). Tidak ada yang disimpan. Centang konfirmasi penggantian, atau muat sebagai pembaruan.",
        "en": "These files would replace the whole register and remove {removed} of {operating} operating malls "
        "({share_pct}%). Nothing was stored. Tick the confirmation to replace, or load them as an update.",
    },
    "error.replace_needs_confirmation.cli": {
        "id": "Berkas ini akan menggantikan seluruh daftar dan menghapus {removed} dari {operating} MPP yang beroperasi "
        "({share_pct}%). Tidak ada yang disimpan. Jalankan lagi dengan --mode replace untuk mengganti, atau --mode update.",
        "en": "These files would replace the whole register and remove {removed} of {operating} operating malls "
        "({share_pct}%). Nothing was stored. Run again with --mode replace to replace it, or --mode update.",
    },
    "error.register_too_large": {
        "id": "Daftar akan berisi {malls} MPP, melebihi batas {limit} MPP (MPP_MAX_REGISTER_MALLS). Tidak ada yang "
        "disimpan. Periksa apakah berkas berisi baris ganda, atau minta admin menaikkan batasnya.",
        "en": "The register would hold {malls} malls, over the limit of {limit} malls (MPP_MAX_REGISTER_MALLS). "
        "Nothing was stored. Check the files for repeated rows, or ask the admin to raise the limit.",
    },
}
