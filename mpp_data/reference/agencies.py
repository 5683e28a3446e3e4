"""The 17 agencies of the 2022 MoU, their aliases, and categories for other tenants (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mpp_data.reference.names import fold_text


@dataclass(frozen=True)
class Agency:
    key: str  # stable identifier stored with participation rows
    name: str
    short_name: str
    aliases: tuple[str, ...]
    category: str = "kementerian_lembaga"
    mou_signatory: bool = True


#: Renamed or split since 2022: counted under the MoU signatory (the ``agencies.successor_note`` text).
MOU_AGENCIES: tuple[Agency, ...] = (
    Agency(
        "panrb",
        "Kementerian PANRB",
        "KemenPANRB",
        (
            "panrb",
            "kemenpanrb",
            "kementerian panrb",
            "kementerian pendayagunaan aparatur negara dan reformasi birokrasi",
            "menpan",
            "kemenpan rb",
        ),
    ),
    Agency(
        "kemendagri",
        "Kementerian Dalam Negeri",
        "Kemendagri",
        (
            "kemendagri",
            "dukcapil",
            "disdukcapil",
            "kementerian dalam negeri",
            "dinas kependudukan dan pencatatan sipil",
        ),
    ),
    Agency("ma", "Mahkamah Agung", "MA", ("ma", "mahkamah agung", "pengadilan negeri", "pengadilan agama", "pn", "pa")),
    Agency(
        "kemenkeu",
        "Kementerian Keuangan",
        "Kemenkeu",
        ("kemenkeu", "kementerian keuangan", "djp", "kpp pratama", "kpp", "pajak", "bea cukai", "djbc", "kppn"),
    ),
    Agency(
        "kemenkumham",
        "Kementerian Hukum dan HAM",
        "Kemenkumham",
        (
            "kemenkumham",
            "kumham",
            "kementerian hukum dan ham",
            "kementerian hukum dan hak asasi manusia",
            "kantor imigrasi",
            "imigrasi",
            "kementerian hukum",
            "kemenkum",
            "kementerian ham",
            "kemenham",
            "kementerian imigrasi dan pemasyarakatan",
            "imipas",
            "kemenimipas",
        ),
    ),
    Agency(
        "kemenag", "Kementerian Agama", "Kemenag", ("kemenag", "kementerian agama", "kua", "kantor kementerian agama")
    ),
    Agency(
        "atr_bpn",
        "Kementerian ATR/BPN",
        "ATR/BPN",
        (
            "atr bpn",
            "atr",
            "bpn",
            "kementerian atr bpn",
            "kantor pertanahan",
            "pertanahan",
            "badan pertanahan nasional",
            "kementerian agraria dan tata ruang badan pertanahan nasional",
        ),
    ),
    Agency(
        "kejaksaan",
        "Kejaksaan Agung",
        "Kejagung",
        ("kejagung", "kejaksaan", "kejaksaan agung", "kejari", "kejaksaan negeri"),
    ),
    Agency(
        "polri",
        "Kepolisian Negara Republik Indonesia",
        "Polri",
        (
            "polri",
            "polres",
            "polresta",
            "polrestabes",
            "samsat",
            "kepolisian",
            "satpas",
            "sim",
            "kepolisian negara republik indonesia",
        ),
    ),
    Agency("bnn", "Badan Narkotika Nasional", "BNN", ("bnn", "bnnk", "bnnp", "badan narkotika nasional")),
    Agency(
        "bpom",
        "Badan Pengawas Obat dan Makanan",
        "BPOM",
        ("bpom", "badan pom", "pom", "loka pom", "balai pom", "badan pengawas obat dan makanan"),
    ),
    Agency(
        "bp2mi",
        "Badan Pelindungan Pekerja Migran Indonesia",
        "BP2MI",
        (
            "bp2mi",
            "kp2mi",
            "bp3mi",
            "badan pelindungan pekerja migran indonesia",
            "kementerian pelindungan pekerja migran indonesia",
            "p4mi",
        ),
    ),
    Agency("perpusnas", "Perpustakaan Nasional", "Perpusnas", ("perpusnas", "perpustakaan nasional", "perpustakaan")),
    Agency("bpjs_kesehatan", "BPJS Kesehatan", "BPJS Kesehatan", ("bpjs kesehatan", "bpjs kes", "bpjskes"), "bumn"),
    Agency(
        "bpjs_ketenagakerjaan",
        "BPJS Ketenagakerjaan",
        "BPJS TK",
        ("bpjs ketenagakerjaan", "bpjs tk", "bpjstk", "bp jamsostek", "jamsostek", "bpjamsostek"),
        "bumn",
    ),
    Agency("taspen", "PT Taspen (Persero)", "Taspen", ("taspen", "pt taspen", "pt taspen persero"), "bumn"),
    Agency("pln", "PT PLN (Persero)", "PLN", ("pln", "pt pln", "pt pln persero", "ulp pln"), "bumn"),
)

_BY_KEY = {a.key: a for a in MOU_AGENCIES}


_ALIAS_INDEX: dict[str, str] = {}
for _agency in MOU_AGENCIES:
    for _alias in (*_agency.aliases, _agency.name, _agency.short_name, _agency.key):
        _ALIAS_INDEX[fold_text(_alias)] = _agency.key


def agency_by_key(key: str) -> Agency | None:
    return _BY_KEY.get(key)


@lru_cache(maxsize=4096)
def match_agency(written: object) -> str | None:
    """The MoU agency key for a written name or abbreviation, or None for any other tenant.

    >>> match_agency("Kantor Pertanahan Kab. Siak")
    'atr_bpn'
    >>> match_agency("BPJS TK")
    'bpjs_ketenagakerjaan'
    """
    if written is None:
        return None
    words = fold_text(str(written))
    if not words:
        return None
    if words in _ALIAS_INDEX:
        return _ALIAS_INDEX[words]
    # Local offices carry a place after the alias: "Kantor Pertanahan Kab. Siak", "Polres Siak".
    tokens = words.split()
    for length in range(min(len(tokens), 8), 0, -1):
        head = " ".join(tokens[:length])
        if head in _ALIAS_INDEX and (length > 1 or len(head) > 2):
            return _ALIAS_INDEX[head]
    return None


_CATEGORY_HINTS = (
    (
        "bumd",
        (
            "bumd",
            "pdam",
            "perumda",
            "bank daerah",
            "bank bpd",
            "bank jatim",
            "bank jateng",
            "bank bjb",
            "bank dki",
            "bank nagari",
            "bank sumut",
            "bank kalbar",
            "bank sulselbar",
            "bank ntb",
        ),
    ),
    (
        "bumn",
        (
            "bumn",
            "pt ",
            "persero",
            "bank bri",
            "bank bni",
            "bank mandiri",
            "bank btn",
            "pertamina",
            "pegadaian",
            "pos indonesia",
            "telkom",
            "jasa raharja",
            "askes",
            "asabri",
        ),
    ),
    (
        "pemerintah_daerah",
        (
            "dinas",
            "badan pendapatan daerah",
            "bapenda",
            "dpmptsp",
            "kecamatan",
            "disdik",
            "dinkes",
            "rsud",
            "pemda",
            "pemkab",
            "pemkot",
            "bappeda",
            "satpol",
        ),
    ),
    (
        "kementerian_lembaga",
        ("kementerian", "badan", "lembaga", "komisi", "bps", "ojk", "kpu", "bawaslu", "ombudsman", "balai", "kantor"),
    ),
)


@lru_cache(maxsize=4096)
def agency_category(written: object) -> str:
    """Category of a tenant: kementerian_lembaga, bumn, pemerintah_daerah, bumd, swasta or lainnya."""
    key = match_agency(written)
    if key:
        return _BY_KEY[key].category
    words = " " + fold_text(str(written)) + " "
    for category, hints in _CATEGORY_HINTS:
        if any(" " + hint.strip() + " " in words or words.startswith(" " + hint) for hint in hints):
            return category
    if any(f" {word} " in words for word in ("cv", "tbk", "swasta", "toko", "ud", "koperasi")) or words.startswith(
        " pt "
    ):
        return "swasta"
    return "lainnya"
