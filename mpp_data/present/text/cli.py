"""The command line's own words: its argument errors, its tables and the ingest summary."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.left_out": {
        "id": "dikecualikan: {file} · {sheet} · baris {row} ({reason})",
        "en": "left out: {file} · {sheet} · row {row} ({reason})",
    },
    "error.invalid_date": {
        "id": "Tanggal “{value}” tidak dikenali: tulis sebagai TTTT-BB-HH, misalnya 2024-12-31.",
        "en": "“{value}” is not a date: write it as YYYY-MM-DD, for example 2024-12-31.",
    },
    "error.invalid_month": {
        "id": "Bulan “{value}” tidak dikenali: tulis sebagai TTTT-BB, misalnya 2025-03.",
        "en": "“{value}” is not a month: write it as YYYY-MM, for example 2025-03.",
    },
    "error.unknown_province": {
        "id": "Provinsi “{value}” tidak dikenal: tulis kodenya (61) atau namanya (Kalimantan Barat).",
        "en": "Province “{value}” is unknown: give its code (61) or its name (Kalimantan Barat).",
    },
    "error.snapshot_not_found.cli": {
        "id": "Unggahan #{snapshot_id} tidak ditemukan. Daftar unggahan: python -m mpp_data snapshots.",
        "en": "Upload #{snapshot_id} was not found. The uploads are listed by: python -m mpp_data snapshots.",
    },
    "cli.value": {"id": "Nilai", "en": "Value"},
    "cli.as_of": {"id": "Keadaan per", "en": "As of"},
    "cli.scope": {"id": "Wilayah", "en": "Scope"},
    "cli.snapshot": {"id": "Unggahan", "en": "Upload"},
    "cli.snapshot_sample": {"id": "#{snapshot} (data contoh)", "en": "#{snapshot} (sample data)"},
    "cli.snapshot_number": {"id": "#{snapshot}", "en": "#{snapshot}"},
    "cli.province_run": {"id": "MPP tingkat provinsi", "en": "Province-run MPPs"},
    "cli.yes": {"id": "ya", "en": "yes"},
    "cli.no": {"id": "tidak", "en": "no"},
    "cli.snapshot_withdrawn": {
        "id": "Unggahan #{snapshot} ditarik dari tampilan; yang tampil sekarang: unggahan #{current}.",
        "en": "Upload #{snapshot} was withdrawn from view; in view now: upload #{current}.",
    },
    "cli.snapshot_restored": {
        "id": "Unggahan #{snapshot} kembali ditampilkan; yang tampil sekarang: unggahan #{current}.",
        "en": "Upload #{snapshot} is back in view; in view now: upload #{current}.",
    },
    "cli.ingest_summary": {
        "id": "{read} baris dibaca = {loaded} dimuat + {rejected} ditolak + {skipped} dilewati; unggahan {snapshot}",
        "en": "{read} rows read = {loaded} loaded + {rejected} rejected + {skipped} skipped; upload {snapshot}",
    },
    "cli.user_added": {
        "id": "Pengguna {email} ditambahkan sebagai {role}.",
        "en": "User {email} was added as {role}.",
    },
    "cli.password_prompt": {"id": "Kata sandi baru untuk {email}: ", "en": "New password for {email}: "},
    "cli.password_again": {"id": "Ulangi kata sandi: ", "en": "Again: "},
    "cli.passwords_differ": {
        "id": "Kedua kata sandi berbeda; tidak ada yang diubah.",
        "en": "The two passwords differ; nothing was changed.",
    },
    "cli.password_set": {"id": "Kata sandi {email} disimpan.", "en": "The password of {email} was saved."},
}
