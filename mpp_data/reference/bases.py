"""Counting bases: which regions are the units a coverage share counts (pure, read-only).

``kemendagri``: Kemendagri's 514 kabupaten/kota, each a unit (the dashboard's figures until now).
``panrb``: the ministry's basis, 508 autonomous kabupaten/kota plus DKI Jakarta as one organiser
(509 units). DKI Jakarta's five kota administrasi and Kabupaten Administrasi Kepulauan Seribu are not
autonomous and the province runs its MPP, so the province is one unit, covered when any operating MPP
in DKI Jakarta exists (the provincial one included).

A basis turns the malls and regions every analysis takes into malls and *units*: ``units`` has the
regions' columns (code, name, kind, province_code, province_name), one row per unit, and the malls'
``region_code`` names the unit a mall counts for. So ``metrics`` and ``plan`` need not know the basis.

>>> from mpp_data.reference.regions import official_regions
>>> len(counting_units(official_regions(), "kemendagri")), len(counting_units(official_regions(), "panrb"))
(514, 509)
>>> unit_code("31.73", "panrb"), unit_code("31", "panrb"), unit_code("31.73", "kemendagri")
('31', '31', '31.73')
"""

from __future__ import annotations

import pandas as pd

KEMENDAGRI = "kemendagri"
PANRB = "panrb"
BASES: tuple[str, ...] = (KEMENDAGRI, PANRB)
DEFAULT_BASIS = KEMENDAGRI
#: The province counted as one unit under ``panrb``.
JAKARTA = "31"
#: The units of each basis nationally, for sentences that name them (a test holds them to the list).
NATIONAL_UNITS = {KEMENDAGRI: 514, PANRB: 509}
#: ``kind`` of the one unit that is a whole province.
PROVINCE_UNIT = "province"


def check_basis(basis: str) -> str:
    """``basis`` when it is one of ``BASES``; a ``ValueError`` naming them otherwise."""
    if basis not in BASES:
        raise ValueError(f"unknown counting basis {basis!r}; one of {', '.join(BASES)}")
    return basis


def other_basis(basis: str) -> str:
    """The basis not ``basis``: the Overview shows its share beside the headline."""
    return PANRB if check_basis(basis) == KEMENDAGRI else KEMENDAGRI


def unit_code(region_code: str, basis: str) -> str:
    """The unit a region (or a province-run mall's province code) counts for under ``basis``."""
    if check_basis(basis) == PANRB and (region_code == JAKARTA or str(region_code).startswith(JAKARTA + ".")):
        return JAKARTA
    return region_code


def counting_units(regions: pd.DataFrame, basis: str) -> pd.DataFrame:
    """One row per unit of ``basis`` among ``regions`` (all 514, or one province's): code, name, kind,
    province_code, province_name. Under ``panrb`` DKI Jakarta's regions give way to one unit coded
    ``31``, named as the province, of kind ``province``, in the place of its first region."""
    if check_basis(basis) == KEMENDAGRI:
        return regions.reset_index(drop=True)
    jakarta = regions["province_code"].eq(JAKARTA)
    if not jakarta.any():
        return regions.reset_index(drop=True)
    first = regions[jakarta].iloc[0]
    unit = pd.DataFrame([{**first.to_dict(), "code": JAKARTA, "name": first["province_name"], "kind": PROVINCE_UNIT}])
    before = regions.loc[: jakarta.idxmax()].iloc[:-1]
    after = regions.loc[jakarta.idxmax() :][~jakarta.loc[jakarta.idxmax() :]]
    return pd.concat([before, unit[regions.columns], after], ignore_index=True)


def unit_malls(malls: pd.DataFrame, basis: str) -> pd.DataFrame:
    """``malls`` with ``region_code`` as the unit each counts for: under ``panrb`` every DKI Jakarta mall,
    the province-run one included, counts for the unit ``31``."""
    if check_basis(basis) == KEMENDAGRI or malls.empty:
        return malls
    return malls.assign(region_code=malls["region_code"].map(lambda c: unit_code(str(c), basis)))
