"""Texts of agreements (PKS) and visits (issue 24): the Agencies page's agreement sections, the Region
page's stages and visits, the Use page, the deck's two slides and the command line."""

MESSAGES: dict[str, dict[str, str]] = {
    # the stages (reference.agreements.STAGES)
    "agreement_stage.none": {"id": "Belum", "en": "Not yet"},
    "agreement_stage.drafting": {"id": "Proses", "en": "Drafting"},
    "agreement_stage.signed": {"id": "Ditandatangani", "en": "Signed"},
    "agreement_stage.counter_open": {"id": "Loket buka", "en": "Counter open"},
    "agreement_stage.integrated": {"id": "Terintegrasi", "en": "Integrated"},
    "agreement_stage.ended": {"id": "Berakhir", "en": "Ended"},
    # columns
    "column.pks_number": {"id": "Nomor PKS", "en": "Agreement number"},
    "column.signed_on": {"id": "Tanggal tanda tangan", "en": "Signed on"},
    "column.valid_until": {"id": "Berlaku s.d.", "en": "Valid until"},
    "column.days_left": {"id": "Sisa hari", "en": "Days left"},
    "column.signed_pct": {"id": "PKS ditandatangani atau lebih (%)", "en": "Signed or later (%)"},
    "column.stage_before": {"id": "Tahap sebelum", "en": "Stage before"},
    "column.stage_after": {"id": "Tahap sesudah", "en": "Stage after"},
    "column.mall": {"id": "MPP", "en": "Mall"},
    "column.month": {"id": "Bulan", "en": "Month"},
    "column.visits": {"id": "Kunjungan", "en": "Visits"},
    "column.counters_active": {"id": "Loket aktif", "en": "Active counters"},
    "column.counters_total": {"id": "Loket tersedia", "en": "Available counters"},
    "column.active_pct": {"id": "Loket aktif (%)", "en": "Active counters (%)"},
    # the Agencies page
    "agreements.title": {"id": "Perjanjian kerja sama (PKS)", "en": "Cooperation agreements (PKS)"},
    "agreements.none_loaded": {
        "id": "Belum ada data PKS yang diunggah: tahap PKS tiap instansi akan tampil di sini setelah "
        "analis mengunggah daftar atau tabel PKS.",
        "en": "No cooperation agreements have been uploaded yet: each agency's stage will show here once an "
        "analyst uploads a list or grid of agreements.",
    },
    "agreements.intro": {
        "id": "Tahap PKS tiap instansi MoU di {malls} MPP yang beroperasi per {date}. MPP tanpa baris untuk "
        "suatu instansi dihitung belum ber-PKS.",
        "en": "Each MoU agency's agreement stage in the {malls} malls operating on {date}. A mall with no "
        "row for an agency counts as having none.",
    },
    "agreements.funnel": {"id": "Tahap PKS per instansi", "en": "Agreement stage per agency"},
    "agreements.by_province": {
        "id": "MPP dengan PKS ditandatangani atau lebih, per provinsi (%)",
        "en": "Malls with a signed agreement or better, by province (%)",
    },
    "agreements.by_province_phone": {
        "id": "Tabel per provinsi (17 instansi) terlalu lebar untuk layar ponsel: buka di laptop.",
        "en": "The table by province (17 agencies) is too wide for a phone: open it on a laptop.",
    },
    "agreements.behind": {"id": "Instansi paling tertinggal", "en": "Agencies furthest behind"},
    "agreements.behind_note": {
        "id": "Pangsa terendah MPP beroperasi dengan PKS ditandatangani, loket buka atau terintegrasi.",
        "en": "Lowest share of operating malls with an agreement signed, a counter open or services integrated.",
    },
    "agreements.expiring": {"id": "PKS berakhir dalam {days} hari", "en": "Agreements ending within {days} days"},
    "agreements.expiring_none": {
        "id": "Tidak ada PKS yang berakhir dalam {days} hari setelah {date}.",
        "en": "No agreement ends within {days} days after {date}.",
    },
    "agreements.not_signed": {
        "id": "MPP beroperasi dengan instansi MoU yang belum ber-PKS",
        "en": "Operating malls with MoU agencies not yet signed",
    },
    "agreements.not_signed_summary": {
        "id": "{count} pasangan MPP dan instansi belum sampai tahap ditandatangani (belum atau masih proses).",
        "en": "{count} mall and agency pairs have not reached signing (none or still drafting).",
    },
    "agencies.presence_source": {
        "id": "Kehadiran instansi: dari data keikutsertaan ({participation}) dan dari PKS pada tahap loket buka "
        "atau terintegrasi ({agreements}); bila keduanya menyebut instansi yang sama di MPP yang sama, "
        "unggahan yang lebih baru yang dipakai.",
        "en": "Agency presence: from participation data ({participation}) and from agreements at stage counter "
        "open or integrated ({agreements}); where both speak of the same agency in the same mall, the later "
        "upload counts.",
    },
    # the Region page
    "region.agreements": {"id": "Tahap PKS tiap instansi", "en": "Each agency's agreement stage"},
    "region.no_agreements": {
        "id": "Belum ada data PKS untuk MPP di daerah ini.",
        "en": "No agreements have been uploaded for this region's malls.",
    },
    "region.visits": {"id": "Kunjungan MPP", "en": "Mall visits"},
    "region.no_visits": {
        "id": "Belum ada data kunjungan untuk MPP di daerah ini.",
        "en": "No visits have been uploaded for this region's malls.",
    },
    # the Use page
    "nav.use": {"id": "Pemanfaatan", "en": "Use"},
    "use.title": {"id": "Pemanfaatan MPP", "en": "Use of the malls"},
    "use.none_loaded": {
        "id": "Belum ada data kunjungan yang diunggah: kunjungan dan loket tiap MPP per bulan akan tampil di "
        "sini setelah analis mengunggahnya.",
        "en": "No visits have been uploaded yet: each mall's visits and counters per month will show here once "
        "an analyst uploads them.",
    },
    "use.month": {"id": "Bulan", "en": "Month"},
    "use.intro": {
        "id": "{malls} MPP melaporkan kunjungan untuk {month}.",
        "en": "{malls} malls report visits for {month}.",
    },
    "use.lowest": {"id": "Kunjungan terendah", "en": "Lowest visits"},
    "use.highest": {"id": "Kunjungan tertinggi", "en": "Highest visits"},
    "use.over_time": {"id": "Kunjungan per provinsi", "en": "Visits by province"},
    "use.quiet": {
        "id": "MPP dengan loket aktif kurang dari separuh",
        "en": "Malls with under half their counters active",
    },
    "use.quiet_no_counters": {
        "id": "Tidak ada laporan loket untuk bulan ini: belum dapat dikatakan MPP mana yang sepi.",
        "en": "No counters were reported for this month: which malls are quiet cannot be said yet.",
    },
    "use.all_malls": {"id": "Semua MPP yang melapor pada bulan ini", "en": "Every mall that reported this month"},
    "use.quiet_none": {
        "id": "Tidak ada MPP dengan loket aktif kurang dari separuh pada bulan ini.",
        "en": "No mall had under half its counters active this month.",
    },
    "use.silent": {"id": "MPP beroperasi tanpa laporan kunjungan", "en": "Operating malls reporting no visits"},
    "use.silent_none": {
        "id": "Semua MPP yang beroperasi melaporkan kunjungan bulan ini.",
        "en": "Every operating mall reported visits this month.",
    },
    "chart.visits": {"id": "Kunjungan", "en": "Visits"},
    "chart.malls_count": {"id": "Jumlah MPP", "en": "Malls"},
    # the deck
    "briefing.agreements.title": {"id": "Tahap PKS 17 instansi MoU", "en": "Agreement stages of the 17 MoU agencies"},
    "briefing.agreements.none": {
        "id": "Belum ada data PKS yang diunggah.",
        "en": "No cooperation agreements have been uploaded yet.",
    },
    "briefing.agreements.basis": {
        "id": "{malls} MPP beroperasi per {date}; MPP tanpa baris untuk suatu instansi dihitung belum.",
        "en": "{malls} malls operating on {date}; a mall with no row for an agency counts as none.",
    },
    "briefing.use.title": {"id": "Kunjungan MPP, {month}", "en": "Mall visits, {month}"},
    "briefing.use.none": {"id": "Belum ada data kunjungan yang diunggah.", "en": "No visits have been uploaded yet."},
    # the diff
    "history.agreements_changed": {"id": "PKS berubah tahap", "en": "Agreements that changed stage"},
    # the files
    "export.file.agreements": {"id": "pks-instansi", "en": "agency-agreements"},
    "export.file.visits": {"id": "kunjungan", "en": "visits"},
    # the command line
    "cli.no_visits": {"id": "Belum ada data kunjungan.", "en": "No visits yet."},
}
