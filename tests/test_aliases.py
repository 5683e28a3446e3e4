"""Saved aliases: official names and codes always come first; an alias that would override one is refused."""

from __future__ import annotations

import pandas as pd
import pytest

from mpp_data import service
from mpp_data.errors import AliasConflict
from mpp_data.present.text import t
from tests.conftest import ANALYST
from tests.loaders import workbooks as wb

EXPORT = wb.xlsx(
    {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status"],
             ["Kota Depok", "MPP Depok", "Beroperasi"],
             ["Bogor", "MPP Bogor", "Beroperasi"]]}
)  # fmt: skip


def test_an_alias_for_an_official_name_never_overrides_it(store):
    store.save_alias("kota depok", "11.01")  # saved before this rule, or straight into the store
    store.save_alias("bogor", "32.71")
    result = service.ingest_files([EXPORT], store, dry_run=True, actor=ANALYST)
    assert result.malls["region_code"].tolist() == ["32.76", "32.71"]
    assert result.issues.empty


def test_saving_an_alias_that_an_official_name_already_answers_differently_is_refused(store):
    with pytest.raises(AliasConflict) as refused:
        service.remember_alias(store, "Kota Depok", "11.01", actor=ANALYST)
    with pytest.raises(AliasConflict):
        service.remember_alias(store, "6103", "11.01", actor=ANALYST)  # an official code
    assert store.load_aliases() == {}
    assert t(refused.value.code, "id", **refused.value.params) == (
        "“Kota Depok” adalah nama resmi Kota Depok, jadi tidak dapat disimpan sebagai alias untuk "
        "Kabupaten Aceh Selatan. Periksa nama di berkas."
    )
    assert "official name of Kota Depok" in t(refused.value.code, "en", **refused.value.params)


def test_an_alias_for_an_ambiguous_or_unknown_name_is_saved_listed_and_removed(store):
    service.remember_alias(store, "Bogor", "32.71", actor=ANALYST)
    service.remember_alias(store, "Kab. Sangau", "61.03", actor=ANALYST)
    service.remember_alias(store, "Kota Depok", "32.76", actor=ANALYST)  # the official answer itself: harmless
    pd.testing.assert_frame_equal(
        service.saved_aliases(store),
        pd.DataFrame(
            {
                "written": ["bogor", "kabupaten sangau", "kota depok"],
                "region_code": ["32.71", "61.03", "32.76"],
                "region": ["Kota Bogor", "Kabupaten Sanggau", "Kota Depok"],
            }
        ),
    )
    assert service.remove_alias(store, "BOGOR", actor=ANALYST) is True  # any written form of the name
    assert service.remove_alias(store, "Bogor", actor=ANALYST) is False
    assert store.load_aliases() == {"kabupaten sangau": "61.03", "kota depok": "32.76"}
    assert store.delete_alias("kabupaten sangau") is True
    assert list(service.saved_aliases(store)["written"]) == ["kota depok"]
