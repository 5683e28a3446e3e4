"""Names of places in the reader's language: the reference data holds them in Indonesian only."""

from __future__ import annotations

from mpp_data.present.text import MESSAGES, t
from mpp_data.reference.regions import province_names
from mpp_data.reference.regions import region_label as official_label


def region_label(code: str, lang: str) -> str:
    """A kabupaten/kota code as its official name; a province code as the province in ``lang``
    (``Provinsi Aceh``, ``Aceh Province``); any other text as it is.

    >>> region_label("61.03", "en"), region_label("61", "en"), region_label("61", "id")
    ('Kabupaten Sanggau', 'Kalimantan Barat Province', 'Provinsi Kalimantan Barat')
    """
    provinces = province_names()
    return t("kind.province_named", lang, name=provinces[code]) if code in provinces else official_label(code)


def field_label(name: str, lang: str) -> str:
    """A field a column was read as (``Kind.headers``' fields, ``Kind.grid_field``, ``ignore``) in
    words; a field with none in the catalogue (a kind registered at run time) as its name.

    >>> field_label("pks_number", "en"), field_label("mall_name", "id"), field_label("kiosk", "en")
    ('agreement number', 'nama MPP', 'kiosk')
    """
    key = f"field.{name}"
    return t(key, lang) if key in MESSAGES else name
