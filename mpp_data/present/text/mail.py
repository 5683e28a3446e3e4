"""Subscriptions, alerts and the mail they send: the e-mails, the ``subscriptions``/``alerts``/``send-due``
commands and the Subscriptions page."""

MESSAGES: dict[str, dict[str, str]] = {
    "error.invalid_subscription": {
        "id": "“{value}” tidak dapat dipakai untuk langganan. Tidak ada yang disimpan.",
        "en": "“{value}” cannot be used for a subscription. Nothing was saved.",
    },
    "error.invalid_subscription.recipients": {
        "id": "Penerima “{value}” bukan alamat email yang sah, atau penerima lebih dari {limit}. Tidak ada yang disimpan.",
        "en": "Recipient “{value}” is not a valid email address, or there are more than {limit}. Nothing was saved.",
    },
    "error.invalid_subscription.day": {
        "id": "Hari “{value}” tidak dapat dipakai: mingguan memakai mon..sun, bulanan tanggal 1 sampai 28. "
        "Tidak ada yang disimpan.",
        "en": "Day “{value}” cannot be used: weekly takes mon..sun, monthly a day of the month from 1 to 28. "
        "Nothing was saved.",
    },
    "error.invalid_subscription.time": {
        "id": "Jam “{value}” tidak dapat dipakai: tulis JJ:MM, misalnya 07:00. Tidak ada yang disimpan.",
        "en": "Time “{value}” cannot be used: write HH:MM, for example 07:00. Nothing was saved.",
    },
    "error.invalid_subscription.zone": {
        "id": "Zona waktu “{value}” tidak dikenal: tulis nama IANA, misalnya Asia/Jakarta. Tidak ada yang disimpan.",
        "en": "Time zone “{value}” is unknown: write an IANA name, for example Asia/Jakarta. Nothing was saved.",
    },
    "error.invalid_subscription.content": {
        "id": "Isi “{value}” tidak dikenal: pilih deck, summary atau gaps. Tidak ada yang disimpan.",
        "en": "Content “{value}” is unknown: choose deck, summary or gaps. Nothing was saved.",
    },
    "error.invalid_subscription.kind": {
        "id": "Jenis peringatan “{value}” tidak dikenal: pilih coverage_changed, region_lost_mall, plan_worse "
        "atau no_upload. Tidak ada yang disimpan.",
        "en": "Alert kind “{value}” is unknown: choose coverage_changed, region_lost_mall, plan_worse or "
        "no_upload. Nothing was saved.",
    },
    "error.invalid_subscription.agreements": {
        "id": "Peringatan PKS yang akan berakhir belum tersedia: dasbor belum memuat data perjanjian kerja sama. "
        "Tidak ada yang disimpan.",
        "en": "Alerts on agreements expiring are not available yet: the dashboard holds no cooperation "
        "agreement data. Nothing was saved.",
    },
    "error.subscription_not_found": {
        "id": "Tidak ada langganan atau peringatan nomor {id}. Lihat daftarnya dengan `subscriptions list`.",
        "en": "There is no subscription or alert number {id}. See them with `subscriptions list`.",
    },
    "error.mail_not_configured": {
        "id": "Server email belum diatur: isi MPP_SMTP_HOST (dan MPP_SMTP_PORT, MPP_SMTP_FROM) lalu coba lagi.",
        "en": "No mail server is set: set MPP_SMTP_HOST (and MPP_SMTP_PORT, MPP_SMTP_FROM) and try again.",
    },
    # -- the e-mails -------------------------------------------------------------------------------
    "mail.subject": {
        "id": "Ringkasan MPP {scope} per {as_of}",
        "en": "MPP briefing, {scope}, as of {as_of}",
    },
    "mail.scope_nation": {"id": "nasional", "en": "national"},
    "mail.intro": {
        "id": "Keadaan Mal Pelayanan Publik ({scope}) per {as_of}, snapshot #{snapshot}, {basis}.",
        "en": "Public service malls ({scope}) as of {as_of}, snapshot #{snapshot}, {basis}.",
    },
    "mail.covered": {
        "id": "Tercakup: {covered} dari {total} ({pct})",
        "en": "Covered: {covered} of {total} ({pct})",
    },
    "mail.operating": {"id": "MPP beroperasi: {count}", "en": "Operating MPPs: {count}"},
    "mail.pipeline": {
        "id": "Dalam pembangunan: {building} · Direncanakan: {planned}",
        "en": "Under construction: {building} · Planned: {planned}",
    },
    "mail.changes": {
        "id": "Sejak kiriman terakhir (per {since}): tercakup {covered}, MPP beroperasi {operating}.",
        "en": "Since the last send (as of {since}): covered {covered}, operating MPPs {operating}.",
    },
    "mail.first_send": {
        "id": "Ini kiriman pertama langganan ini.",
        "en": "This is the first message of this subscription.",
    },
    "mail.attached": {
        "id": "Terlampir: {files}. Angka lengkap ada di figures.json (sama dengan `metrics --json`).",
        "en": "Attached: {files}. The full figures are in figures.json (the same as `metrics --json`).",
    },
    "mail.link": {"id": "Buka dasbor: {url}", "en": "Open the dashboard: {url}"},
    "mail.footer": {
        "id": "Anda menerima email ini karena admin dasbor MPP mendaftarkan alamat Anda.",
        "en": "You receive this e-mail because an admin of the MPP dashboard subscribed your address.",
    },
    "mail.alert_subject": {"id": "Peringatan MPP: {what}", "en": "MPP alert: {what}"},
    "mail.alert.coverage_changed": {
        "id": "Jumlah tercakup {scope} berubah dari {before} menjadi {after} (snapshot #{before_snapshot} ke #{snapshot}).",
        "en": "The {scope} covered count changed from {before} to {after} (snapshot #{before_snapshot} to #{snapshot}).",
    },
    "mail.alert.region_lost_mall": {
        "id": "{count} kabupaten/kota kehilangan MPP yang beroperasi pada snapshot #{snapshot}: {regions}.",
        "en": "{count} regencies/cities lost their operating MPP in snapshot #{snapshot}: {regions}.",
    },
    "mail.alert.plan_worse": {
        "id": "Status rencana memburuk pada snapshot #{snapshot}: {regions}.",
        "en": "The plan status got worse in snapshot #{snapshot}: {regions}.",
    },
    "mail.alert.no_upload": {
        "id": "Belum ada unggahan selama {days} hari: snapshot terbaru #{snapshot} dimuat {loaded}.",
        "en": "No upload for {days} days: the newest snapshot #{snapshot} was loaded on {loaded}.",
    },
    "mail.alert_title.coverage_changed": {"id": "jumlah tercakup berubah", "en": "covered count changed"},
    "mail.alert_title.region_lost_mall": {"id": "daerah kehilangan MPP", "en": "a region lost its MPP"},
    "mail.alert_title.plan_worse": {"id": "status rencana memburuk", "en": "plan status got worse"},
    "mail.alert_title.no_upload": {"id": "tidak ada unggahan", "en": "no upload"},
    # -- the command line and the page --------------------------------------------------------------
    "mail.sent": {"id": "{target}: terkirim ke {recipients}", "en": "{target}: sent to {recipients}"},
    "mail.failed": {"id": "{target}: gagal ({error})", "en": "{target}: failed ({error})"},
    "mail.due": {"id": "{target}: akan dikirim ke {recipients}", "en": "{target}: due, to {recipients}"},
    "mail.nothing_due": {"id": "Tidak ada yang perlu dikirim.", "en": "Nothing is due."},
    "mail.added": {"id": "Langganan #{id} disimpan.", "en": "Subscription #{id} saved."},
    "mail.alert_added": {"id": "Peringatan #{id} disimpan.", "en": "Alert #{id} saved."},
    "mail.removed": {"id": "#{id} dihapus.", "en": "#{id} removed."},
    "subscriptions.title": {"id": "Langganan dan peringatan", "en": "Subscriptions and alerts"},
    "subscriptions.list": {"id": "Langganan", "en": "Subscriptions"},
    "subscriptions.alerts": {"id": "Peringatan", "en": "Alerts"},
    "subscriptions.log": {"id": "Log pengiriman", "en": "Send log"},
    "subscriptions.add": {"id": "Tambah langganan", "en": "Add a subscription"},
    "subscriptions.recipients": {"id": "Penerima (email, dipisah koma)", "en": "Recipients (emails, comma-separated)"},
    "subscriptions.frequency": {"id": "Frekuensi", "en": "Frequency"},
    "subscriptions.day": {
        "id": "Hari (mingguan) atau tanggal (bulanan)",
        "en": "Weekday (weekly) or day of the month (monthly)",
    },
    "subscriptions.time": {"id": "Jam (JJ:MM)", "en": "Time (HH:MM)"},
    "subscriptions.zone": {"id": "Zona waktu", "en": "Time zone"},
    "subscriptions.content": {"id": "Isi", "en": "Content"},
    "subscriptions.remove": {"id": "Hapus nomor", "en": "Remove number"},
    "subscriptions.save": {"id": "Simpan", "en": "Save"},
    "subscriptions.none": {"id": "Belum ada.", "en": "Nothing yet."},
    "column.recipients": {"id": "Penerima", "en": "Recipients"},
    "column.lang": {"id": "Bahasa", "en": "Language"},
    "column.basis": {"id": "Basis", "en": "Basis"},
    "column.frequency": {"id": "Frekuensi", "en": "Frequency"},
    "column.day": {"id": "Hari", "en": "Day"},
    "column.time_of_day": {"id": "Jam", "en": "Time"},
    "column.zone": {"id": "Zona waktu", "en": "Time zone"},
    "column.content": {"id": "Isi", "en": "Content"},
    "column.created_by": {"id": "Dibuat oleh", "en": "Made by"},
    "column.target": {"id": "Tujuan", "en": "What"},
    "column.slot": {"id": "Jadwal / kejadian", "en": "Slot / event"},
    "column.attempt": {"id": "Percobaan", "en": "Attempt"},
    "column.error": {"id": "Galat", "en": "Error"},
    "subscriptions.alert_kind": {"id": "Jenis peringatan", "en": "Alert kind"},
    "subscriptions.add_alert": {"id": "Tambah peringatan", "en": "Add an alert"},
    "subscriptions.province": {"id": "Provinsi (kosong: nasional)", "en": "Province (empty: national)"},
    "subscriptions.lang": {"id": "Bahasa email", "en": "Language of the mail"},
    "nav.subscriptions": {"id": "Langganan", "en": "Subscriptions"},
}
