"""Sign-in, roles, users and the audit log: the words of the access pages and their errors."""

MESSAGES: dict[str, dict[str, str]] = {
    "error.not_allowed": {
        "id": "Peran Anda tidak mengizinkan tindakan ini. Minta admin memberi peran analis atau admin.",
        "en": "Your role does not allow this. Ask an admin for the analyst or admin role.",
    },
    "error.sign_in_failed": {
        "id": "Email atau kata sandi salah. Periksa lalu coba lagi, atau minta tautan masuk kepada admin.",
        "en": "Wrong email or password. Check them and try again, or ask an admin for a sign-in link.",
    },
    "error.last_admin": {
        "id": "{email} adalah satu-satunya admin aktif: perannya tidak dapat diturunkan dan akunnya tidak dapat "
        "dinonaktifkan. Jadikan pengguna lain admin terlebih dahulu.",
        "en": "{email} is the only active admin: their role cannot be lowered and the account cannot be disabled. "
        "Make another user an admin first.",
    },
    "error.link_lifetime": {
        "id": "Masa berlaku tautan {minutes} menit tidak dapat dipakai: pilih {minimum} sampai {maximum} menit (7 hari).",
        "en": "A link lifetime of {minutes} minutes cannot be used: choose {minimum} to {maximum} minutes (7 days).",
    },
    "error.text_too_long": {
        "id": "Teks terlalu panjang ({length} karakter): paling banyak {limit} karakter. Tidak ada yang disimpan.",
        "en": "The text is too long ({length} characters): at most {limit} characters. Nothing was saved.",
    },
    "error.text_too_long.email": {
        "id": "Alamat email terlalu panjang ({length} karakter): paling banyak {limit}. Tidak ada yang disimpan.",
        "en": "The email address is too long ({length} characters): at most {limit}. Nothing was saved.",
    },
    "error.text_too_long.name": {
        "id": "Nama berkas terlalu panjang ({length} karakter): paling banyak {limit}. Ganti namanya lalu unggah lagi.",
        "en": "The file name is too long ({length} characters): at most {limit}. Rename the file and upload it again.",
    },
    "error.text_too_long.reason": {
        "id": "Alasan terlalu panjang ({length} karakter): paling banyak {limit}. Tidak ada yang disimpan.",
        "en": "The reason is too long ({length} characters): at most {limit}. Nothing was saved.",
    },
    "error.text_too_long.correction": {
        "id": "Koreksi di sheet {sheet}, baris {row}, kolom {column} terlalu panjang ({length} karakter): paling "
        "banyak {limit}. Tidak ada yang disimpan.",
        "en": "The correction in sheet {sheet}, row {row}, column {column} is too long ({length} characters): at "
        "most {limit}. Nothing was saved.",
    },
    "error.text_too_long.row_reason": {
        "id": "Alasan mengecualikan baris {row} (sheet {sheet}) terlalu panjang ({length} karakter): paling banyak "
        "{limit}. Tidak ada yang disimpan.",
        "en": "The reason for leaving out row {row} (sheet {sheet}) is too long ({length} characters): at most "
        "{limit}. Nothing was saved.",
    },
    "error.text_too_long.alias": {
        "id": "Nama alias terlalu panjang ({length} karakter): paling banyak {limit}. Tidak ada yang disimpan.",
        "en": "The alias is too long ({length} characters): at most {limit}. Nothing was saved.",
    },
    "error.sign_in_link_invalid": {
        "id": "Tautan masuk ini tidak berlaku: sudah dipakai atau kedaluwarsa. Minta tautan baru kepada admin.",
        "en": "This sign-in link does not work: it was used or has expired. Ask an admin for a new one.",
    },
    "error.user_not_found": {
        "id": "Pengguna {email} tidak ada. Tambahkan dulu di halaman Pengguna.",
        "en": "There is no user {email}. Add them on the Users page first.",
    },
    "error.invalid_user": {
        "id": "“{value}” tidak dapat dipakai: periksa alamat email (belum terdaftar) dan peran (viewer, analyst, admin).",
        "en": "“{value}” cannot be used: check the email (not already listed) and the role (viewer, analyst, admin).",
    },
    "error.weak_password": {
        "id": "Kata sandi terlalu pendek: paling sedikit {minimum} karakter.",
        "en": "The password is too short: at least {minimum} characters.",
    },
    "error.weak_password.guessable": {
        "id": "Kata sandi ini mudah ditebak (kata sandi umum, pola, atau huruf berulang). Pakai beberapa kata "
        "acak atau kalimat yang panjang.",
        "en": "This password is easy to guess (a common password, a pattern or repeated letters). Use a few "
        "random words or a long sentence.",
    },
    "error.weak_password.email": {
        "id": "Kata sandi tidak boleh memuat alamat email atau nama penggunanya. Pilih kata sandi lain.",
        "en": "The password must not contain the email address or its user name. Choose another password.",
    },
    "nav.users": {"id": "Pengguna", "en": "Users"},
    "nav.audit": {"id": "Log Audit", "en": "Audit log"},
    "auth.sign_in": {"id": "Masuk", "en": "Sign in"},
    "auth.sign_in_provider": {"id": "Masuk dengan akun kantor", "en": "Sign in with your organisation account"},
    "auth.sign_out": {"id": "Keluar", "en": "Sign out"},
    "auth.email": {"id": "Email", "en": "Email"},
    "auth.password": {"id": "Kata sandi", "en": "Password"},
    "auth.signed_in_as": {"id": "Masuk sebagai {name} ({role})", "en": "Signed in as {name} ({role})"},
    "auth.no_role": {
        "id": "Masuk sebagai {name}, tetapi belum punya peran. Minta admin menambahkan Anda.",
        "en": "Signed in as {name}, but without a role yet. Ask an admin to add you.",
    },
    "auth.continue": {"id": "Lanjutkan masuk", "en": "Continue signing in"},
    "auth.expired": {"id": "Sesi berakhir. Silakan masuk lagi.", "en": "Your session has ended. Please sign in again."},
    "auth.required": {
        "id": "Dasbor ini hanya untuk pengguna yang sudah masuk. Masuk di bilah samping.",
        "en": "This dashboard is for signed-in users only. Sign in in the sidebar.",
    },
    "auth.not_allowed_page": {
        "id": "Halaman ini hanya untuk peran {role}. Masuk dengan akun yang berwenang atau minta admin memberi peran.",
        "en": "This page is for the {role} role. Sign in with an account that has it, or ask an admin for it.",
    },
    "auth.how_to_get_access": {
        "id": "Untuk mengunggah data, masuk di bilah samping dengan akun analis. Belum punya akun? Minta admin "
        "dasbor menambahkan email Anda sebagai analis (di halaman Pengguna).",
        "en": "To upload data, sign in in the sidebar with an analyst account. No account yet? Ask the "
        "dashboard's admin to add your email as an analyst (on the Users page).",
    },
    "auth.how_to_get_access.admin": {
        "id": "Halaman ini untuk admin dasbor: masuk di bilah samping dengan akun admin. Belum punya akun admin? "
        "Minta admin dasbor yang ada memberi Anda peran admin (di halaman Pengguna).",
        "en": "This page is for the dashboard's admins: sign in in the sidebar with an admin account. No admin "
        "account yet? Ask an existing admin to give you the admin role (on the Users page).",
    },
    "role.viewer": {"id": "pembaca", "en": "viewer"},
    "role.analyst": {"id": "analis", "en": "analyst"},
    "role.admin": {"id": "admin", "en": "admin"},
    "history.details_hidden": {
        "id": "Berkas asli, siapa yang memuatnya, serta koreksi dan alasan baris dikecualikan hanya terlihat oleh "
        "analis dan admin yang sudah masuk.",
        "en": "The original files, who loaded them, and the corrections and reasons rows were left out are shown "
        "to signed-in analysts and admins only.",
    },
    "users.title": {"id": "Pengguna", "en": "Users"},
    "users.add": {"id": "Tambah pengguna", "en": "Add a user"},
    "users.role": {"id": "Peran", "en": "Role"},
    "users.save": {"id": "Simpan", "en": "Save"},
    "users.added": {"id": "{email} ditambahkan.", "en": "{email} added."},
    "users.change": {"id": "Ubah pengguna", "en": "Change a user"},
    "users.user": {"id": "Pengguna", "en": "User"},
    "users.set_role": {"id": "Ganti peran", "en": "Change role"},
    "users.disable": {"id": "Nonaktifkan", "en": "Disable"},
    "users.disable_confirm": {
        "id": "Ya, nonaktifkan {email}: ia tidak dapat masuk lagi",
        "en": "Yes, disable {email}: they can no longer sign in",
    },
    "users.enable": {"id": "Aktifkan lagi", "en": "Enable"},
    "users.link": {"id": "Buat tautan masuk sekali pakai", "en": "Make a one-time sign-in link"},
    "users.link_made": {
        "id": "Kirim tautan ini kepada {email}; berlaku sekali, 15 menit:",
        "en": "Send this link to {email}; it works once, for 15 minutes:",
    },
    "users.done": {"id": "Tersimpan.", "en": "Saved."},
    "users.end_sessions": {"id": "Akhiri semua sesi", "en": "End all sessions"},
    "users.end_sessions_help": {
        "id": "Mengeluarkan pengguna ini dari setiap peramban tempat ia masuk, pada pembukaan halaman berikutnya.",
        "en": "Signs this user out of every browser they signed in on, at its next page run.",
    },
    "users.sessions_ended": {"id": "{count} sesi {email} diakhiri.", "en": "{count} session(s) of {email} ended."},
    "audit.title": {"id": "Log audit", "en": "Audit log"},
    "audit.intro": {
        "id": "Setiap perubahan dan setiap upaya masuk, terbaru di atas. Log ini hanya ditambah, tidak pernah diubah.",
        "en": "Every change and every sign-in attempt, newest first. The log is only ever appended to.",
    },
    "audit.who": {"id": "Siapa (sebagian email)", "en": "Who (part of the email)"},
    "audit.action": {"id": "Tindakan", "en": "Action"},
    "audit.since": {"id": "Sejak", "en": "Since"},
    "audit.download": {"id": "Unduh CSV (dipisah koma)", "en": "Download CSV (comma-separated)"},
    "column.at": {"id": "Waktu (UTC)", "en": "When (UTC)"},
    "column.actor": {"id": "Siapa", "en": "Who"},
    "column.role": {"id": "Peran", "en": "Role"},
    "column.action": {"id": "Tindakan", "en": "Action"},
    "column.object": {"id": "Objek", "en": "Object"},
    "column.details": {"id": "Rincian", "en": "Details"},
    "column.email": {"id": "Email", "en": "Email"},
    "column.active": {"id": "Aktif", "en": "Active"},
    "column.has_password": {"id": "Ada kata sandi", "en": "Has a password"},
    "column.loaded_by": {"id": "Dimuat oleh", "en": "Loaded by"},
    "column.withdrawn": {"id": "Ditarik", "en": "Withdrawn"},
}
