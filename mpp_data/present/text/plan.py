"""The planner's texts and the two counting bases: the Planner page, its definitions, its place on the
Overview, Provinces and Region pages, the deck's planner slide and the ``plan`` command."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- the two counting bases --------------------------------------------------------------------
    "basis.kemendagri": {"id": "Basis Kemendagri", "en": "Kemendagri basis"},
    "basis.panrb": {"id": "Basis PANRB", "en": "PANRB basis"},
    "basis.kemendagri.units": {
        "id": "{total} kabupaten/kota (daftar Kemendagri)",
        "en": "{total} regencies/cities (Kemendagri's list)",
    },
    "basis.panrb.units": {
        "id": "{total} unit: 508 kabupaten/kota otonom ditambah DKI Jakarta sebagai satu unit",
        "en": "{total} units: 508 autonomous regencies/cities plus DKI Jakarta as one unit",
    },
    "basis.definition.kemendagri": {
        "id": "Basis Kemendagri menghitung 514 kabupaten/kota daftar Kemendagri; lima kota administrasi dan "
        "Kabupaten Administrasi Kepulauan Seribu di DKI Jakarta masing-masing satu daerah.",
        "en": "The Kemendagri basis counts Kemendagri's 514 regencies/cities; DKI Jakarta's five "
        "administrative cities and the administrative regency of Kepulauan Seribu are one region each.",
    },
    "basis.definition.panrb": {
        "id": "Basis PANRB, yang dipakai Kementerian PANRB dalam angka resminya, menghitung 508 kabupaten/kota "
        "otonom ditambah Provinsi DKI Jakarta sebagai satu penyelenggara (509 unit): wilayah administrasi "
        "DKI Jakarta tidak otonom dan MPP-nya diselenggarakan provinsi. DKI Jakarta tercakup bila ada "
        "sedikitnya satu MPP beroperasi di DKI Jakarta, termasuk MPP provinsi.",
        "en": "The PANRB basis, which the Ministry of PANRB uses in its public figures, counts 508 autonomous "
        "regencies/cities plus DKI Jakarta Province as one organiser (509 units): DKI Jakarta's "
        "administrative areas are not autonomous and the province runs its MPP. DKI Jakarta is covered "
        "when at least one MPP operates in DKI Jakarta, the provincial one included.",
    },
    "basis.definition.why": {
        "id": "Karena itu persentase keduanya berbeda: angka dalam pidato menteri memakai basis PANRB.",
        "en": "So the two percentages differ: the figure in the minister's speeches uses the PANRB basis.",
    },
    "kpi.other_basis": {
        "id": "{basis} ({units}): {covered} dari {total} · {pct}",
        "en": "{basis} ({units}): {covered} of {total} · {pct}",
    },
    "kpi.basis_shown": {"id": "Angka cakupan: {basis}, {units}.", "en": "Coverage figures: {basis}, {units}."},
    # -- the plan's words --------------------------------------------------------------------------
    "plan.status.done": {"id": "Selesai", "en": "Done"},
    "plan.status.on_track": {"id": "Sesuai jalur", "en": "On track"},
    "plan.status.at_risk": {"id": "Berisiko", "en": "At risk"},
    "plan.status.off_track": {"id": "Tertinggal", "en": "Off track"},
    "plan.never": {"id": "tidak tercapai pada laju 0", "en": "never at a pace of 0"},
    "plan.national": {"id": "Nasional", "en": "National"},
    "plan.step.planned_to_under_construction": {
        "id": "Direncanakan → dibangun",
        "en": "Planned → under construction",
    },
    "plan.step.under_construction_to_operating": {
        "id": "Dibangun → beroperasi",
        "en": "Under construction → operating",
    },
    "plan.step.planned_to_operating": {"id": "Direncanakan → beroperasi", "en": "Planned → operating"},
    "plan.definition.title": {"id": "Definisi", "en": "Definitions"},
    "plan.definition.units_left": {
        "id": "Unit tersisa = jumlah unit − unit tercakup (tercakup: ada MPP beroperasi yang diresmikan "
        "paling lambat pada tanggal acuan).",
        "en": "Units left = total units − covered units (covered: an operating MPP inaugurated on or before "
        "the as-of date).",
    },
    "plan.definition.required": {
        "id": "Laju yang dibutuhkan = unit tersisa ÷ tahun dari tanggal acuan sampai tanggal target.",
        "en": "Required pace = units left ÷ years from the as-of date to the target date.",
    },
    "plan.definition.own": {
        "id": "Laju sendiri = unit yang pertama kali tercakup dalam 12 bulan sampai tanggal acuan; sebuah unit "
        "pertama kali tercakup pada tanggal peresmian MPP beroperasi pertamanya.",
        "en": "Own pace = units first covered in the 12 months up to the as-of date; a unit is first covered "
        "on the inauguration date of its first operating mall.",
    },
    "plan.definition.status": {
        "id": "Status: Selesai (tidak ada yang tersisa), Sesuai jalur (laju sendiri ≥ laju yang dibutuhkan), "
        "Berisiko (laju sendiri ≥ separuh laju yang dibutuhkan), Tertinggal (selain itu, juga bila masih "
        "ada yang tersisa pada tanggal target).",
        "en": "Status: Done (nothing left), On track (own pace ≥ required pace), At risk (own pace ≥ half "
        "the required pace), Off track (otherwise, and whenever units are left on the target date).",
    },
    "plan.definition.projected": {
        "id": "Perkiraan selesai = tanggal acuan + unit tersisa ÷ laju sendiri; tidak ada bila laju sendiri 0.",
        "en": "Projected completion = as-of date + units left ÷ own pace; none when the own pace is 0.",
    },
    "plan.definition.pipeline": {
        "id": "Dalam proses = unit belum tercakup dengan MPP dalam pembangunan, dan yang MPP-nya baru "
        "direncanakan; proses menutup celah bila keduanya bersama paling sedikit sama dengan unit tersisa.",
        "en": "Pipeline = uncovered units with a mall under construction, and with one only planned; the "
        "pipeline closes the gap when the two together are at least the units left.",
    },
    "plan.definition.at_risk": {
        "id": "Daerah berisiko: belum tercakup, tanpa MPP dalam proses, di provinsi yang tidak sesuai jalur.",
        "en": "Regions at risk: uncovered, no mall in the pipeline, in provinces not on track.",
    },
    "plan.definition.stuck": {
        "id": "Tertahan: dalam pembangunan atau direncanakan pada unggahan yang berturut-turut mencakup lebih "
        "dari {months} bulan.",
        "en": "Stuck: under construction or planned in uploads in a row spanning more than {months} months.",
    },
    "plan.definition.durations": {
        "id": "Lama tahap: median bulan dari unggahan pertama yang mencatat suatu tahap sampai tahap "
        "berikutnya (beroperasi: tanggal peresmian); ditampilkan bila ada paling sedikit {minimum} kasus.",
        "en": "Stage durations: the median months from the first upload recording a stage to the next stage "
        "(operating: the inauguration date); shown where there are at least {minimum} cases.",
    },
    # -- the Planner page --------------------------------------------------------------------------
    "nav.plan": {"id": "Rencana", "en": "Plan"},
    "plan.title": {"id": "Rencana menuju setiap kabupaten/kota", "en": "The plan to every regency/city"},
    "plan.basis": {"id": "Basis penghitungan", "en": "Counting basis"},
    "plan.target": {"id": "Tanggal target", "en": "Target date"},
    "plan.headline": {
        "id": "{status}: {left} unit tersisa dari {total}; dibutuhkan {required} per tahun sampai {target}, "
        "laju sendiri {own} per tahun. Perkiraan selesai: {projected}.",
        "en": "{status}: {left} units left of {total}; {required} a year needed until {target}, own pace "
        "{own} a year. Projected completion: {projected}.",
    },
    "plan.pipeline_sentence": {
        "id": "Dalam proses: {building} unit dibangun dan {planned} direncanakan; {closes}.",
        "en": "In the pipeline: {building} units under construction and {planned} planned; {closes}.",
    },
    "plan.closes": {"id": "cukup untuk menutup celah", "en": "enough to close the gap"},
    "plan.not_closes": {"id": "belum cukup untuk menutup celah", "en": "not enough to close the gap"},
    "plan.league.title": {"id": "Provinsi menurut status", "en": "Provinces by status"},
    "plan.filter_status": {"id": "Tampilkan status", "en": "Show status"},
    "plan.filter_all": {"id": "Semua status", "en": "Every status"},
    "plan.whatif.title": {"id": "Bagaimana jika", "en": "What if"},
    "plan.whatif.pace": {"id": "Laju nasional (unit per tahun)", "en": "National pace (units a year)"},
    "plan.whatif.result": {
        "id": "Pada {pace} unit per tahun, seluruh unit tercakup sekitar {date}. Untuk selesai pada {target} "
        "dibutuhkan {required} unit per tahun.",
        "en": "At {pace} units a year, every unit is covered around {date}. Finishing by {target} needs "
        "{required} units a year.",
    },
    "plan.whatif.done": {"id": "Seluruh unit sudah tercakup.", "en": "Every unit is already covered."},
    "plan.whatif.past": {
        "id": "Tanggal target tidak sesudah tanggal acuan: tidak ada laju yang dapat mencapainya.",
        "en": "The target date is not after the as-of date: no pace can reach it.",
    },
    "plan.at_risk.title": {"id": "Daerah berisiko", "en": "Regions at risk"},
    "plan.at_risk.none": {"id": "Tidak ada daerah berisiko.", "en": "No region is at risk."},
    "plan.stuck.title": {"id": "Tertahan pada satu tahap", "en": "Stuck in a stage"},
    "plan.stuck.none": {
        "id": "Tidak ada unit yang tertahan lebih dari {months} bulan.",
        "en": "No unit has been stuck for more than {months} months.",
    },
    "plan.history_uploads": {
        "id": "Unggahan yang dihitung: {uploads} (data contoh hanya bila tidak ada unggahan lain).",
        "en": "Uploads counted: {uploads} (sample data only when there is no other upload).",
    },
    "plan.durations.title": {"id": "Lama tiap tahap (teramati)", "en": "How long stages take (observed)"},
    "column.scope": {"id": "Lingkup", "en": "Scope"},
    "plan.durations.too_few": {"id": "kurang dari {minimum} kasus", "en": "fewer than {minimum} cases"},
    "plan.durations.value": {"id": "{months} bulan", "en": "{months} months"},
    "column.plan_status": {"id": "Status rencana", "en": "Plan status"},
    "column.total_units": {"id": "Unit", "en": "Units"},
    "column.covered_units": {"id": "Tercakup", "en": "Covered"},
    "column.units_left": {"id": "Tersisa", "en": "Left"},
    "column.required_per_year": {"id": "Dibutuhkan/tahun", "en": "Required/year"},
    "column.own_pace_per_year": {"id": "Laju sendiri/tahun", "en": "Own pace/year"},
    "column.shortfall_per_year": {"id": "Kekurangan/tahun", "en": "Shortfall/year"},
    "column.projected_completion": {"id": "Perkiraan selesai", "en": "Projected completion"},
    "column.under_construction": {"id": "Dibangun", "en": "Being built"},
    "column.planned": {"id": "Direncanakan", "en": "Planned"},
    "column.pipeline_closes_gap": {"id": "Proses menutup celah", "en": "Pipeline closes gap"},
    "column.stage": {"id": "Tahap", "en": "Stage"},
    "column.since": {"id": "Sejak", "en": "Since"},
    "column.months": {"id": "Bulan", "en": "Months"},
    "column.step": {"id": "Tahap", "en": "Step"},
    "column.cases": {"id": "Kasus", "en": "Cases"},
    "column.median_months": {"id": "Median", "en": "Median"},
    "export.file.plan": {"id": "rencana", "en": "plan"},
    # -- its place on other pages ------------------------------------------------------------------
    "plan.place_province": {
        "id": "Dalam rencana ({basis}): {status}, {left} dari {total} unit tersisa, dibutuhkan {required} per "
        "tahun, laju sendiri {own} per tahun; perkiraan selesai {projected}.",
        "en": "In the plan ({basis}): {status}, {left} of {total} units left, {required} a year needed, own "
        "pace {own} a year; projected completion {projected}.",
    },
    "plan.place_region": {
        "id": "Dalam rencana ({basis}): {stage}; provinsinya {status}.",
        "en": "In the plan ({basis}): {stage}; its province is {status}.",
    },
    "plan.place_at_risk": {"id": "termasuk daerah berisiko", "en": "among the regions at risk"},
    "plan.place_stuck": {
        "id": "tertahan {stage} sejak {since} ({months} bulan)",
        "en": "stuck {stage} since {since} ({months} months)",
    },
    "plan.place_covered": {"id": "tercakup sejak {since}", "en": "covered since {since}"},
    "plan.place_uncovered": {"id": "belum tercakup, tahap: {stage}", "en": "not covered, stage: {stage}"},
    # -- the deck ------------------------------------------------------------------------------------
    "briefing.plan.title": {"id": "Provinsi yang tertinggal dan berisiko", "en": "Provinces off track and at risk"},
    "briefing.plan.none": {
        "id": "Tidak ada provinsi yang tertinggal atau berisiko.",
        "en": "No province is off track or at risk.",
    },
    "briefing.notes.plan": {
        "id": "Rencana per {date} menuju {target} ({basis}). Laju yang dibutuhkan = unit tersisa ÷ tahun sampai "
        "target; laju sendiri = unit yang pertama kali tercakup dalam 12 bulan terakhir. Berisiko: laju sendiri "
        "paling sedikit separuh yang dibutuhkan; tertinggal: kurang dari itu.",
        "en": "The plan as of {date} toward {target} ({basis}). Required pace = units left ÷ years to the target; "
        "own pace = units first covered in the last 12 months. At risk: own pace at least half the required; "
        "off track: less.",
    },
    "briefing.plan.first": {
        "id": "{shown} pertama dari {total} provinsi; semuanya di halaman Rencana dan export plan.",
        "en": "First {shown} of {total} provinces; all of them on the Plan page and in export plan.",
    },
    "briefing.appendix.at_risk": {
        "id": "Lampiran: daerah berisiko ({page}/{pages})",
        "en": "Appendix: regions at risk ({page}/{pages})",
    },
    "briefing.closing.basis": {
        "id": "Basis penghitungan: {basis}. Basis Kemendagri menghitung 514 kabupaten/kota; basis PANRB menghitung 508 "
        "kabupaten/kota otonom ditambah DKI Jakarta sebagai satu unit (509), seperti angka resmi kementerian.",
        "en": "Counting basis: {basis}. The Kemendagri basis counts 514 regencies/cities; the PANRB basis counts 508 "
        "autonomous regencies/cities plus DKI Jakarta as one unit (509), as the ministry's public figures do.",
    },
    # -- the command line ----------------------------------------------------------------------------
    "cli.basis": {"id": "Basis", "en": "Basis"},
    "cli.target_date": {"id": "Tanggal target", "en": "Target date"},
}
