"""Words of the downloadable files: file names, sheet names, yes and no."""

MESSAGES: dict[str, dict[str, str]] = {
    "export.file.gaps": {"id": "belum-ada-mpp", "en": "no-mpp-yet"},
    "export.file.malls": {"id": "daftar-mpp", "en": "malls"},
    "export.file.provinces": {"id": "cakupan-provinsi", "en": "province-coverage"},
    "export.file.agency-work-list": {"id": "mpp-tanpa", "en": "malls-without"},
    "export.file.report": {"id": "laporan-pemeriksaan", "en": "check-report"},
    "export.file.report_of": {"id": "{file}.laporan", "en": "{file}.report"},
    "export.sheet.malls": {"id": "Daftar MPP", "en": "Malls"},
    "export.sheet.report": {"id": "Laporan pemeriksaan", "en": "Check report"},
    "export.yes": {"id": "Ya", "en": "Yes"},
    "export.no": {"id": "Tidak", "en": "No"},
}
