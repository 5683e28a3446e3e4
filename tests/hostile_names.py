"""A store whose user text is hostile: every kind of name an upload carries, written as Markdown
images and links to ``host`` and as HTML. Shared by the AppTest and the real-browser test."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from mpp_data import service
from tests.conftest import ADMIN
from tests.loaders import workbooks as wb
from tests.test_boundaries import feature, square


@dataclass(frozen=True)
class Hostile:
    host: str  # e.g. http://127.0.0.1:PORT

    @property
    def file(self) -> str:
        return f"![f]({self.host}/file.png) [f]({self.host}/file).xlsx"

    @property
    def sheet(self) -> str:  # Excel allows 31 characters and no []:*?/\ in a sheet name
        return "<img src=x onerror=alert(1)>"

    @property
    def mall(self) -> str:
        return f"<b>MPP</b> ![m]({self.host}/mall.png)"

    @property
    def agency(self) -> str:
        return f"![a]({self.host}/agency.png) <img src={self.host}/agency2.png>"

    @property
    def region(self) -> str:
        return f"![r]({self.host}/region.png) [r]({self.host}/region)"

    @property
    def boundary_file(self) -> str:
        return f"![b]({self.host}/boundary.png).geojson"

    @property
    def boundary_code(self) -> str:
        return f"![c]({self.host}/code.png)"

    def all(self) -> list[str]:
        return [self.file, self.sheet, self.mall, self.agency, self.region, self.boundary_file, self.boundary_code]

    def workbook(self, region: str = "Kota Depok") -> service.UploadedFile:
        """A malls sheet (named ``sheet``) and a participation grid whose last agency header is ``agency``."""
        malls = [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
                 [region, self.mall, "Beroperasi", dt.date(2021, 5, 1)],
                 ["Kabupaten Siak", "MPP Siak", "Beroperasi", dt.date(2020, 1, 1)]]  # fmt: skip
        grid = [["No", "Kabupaten/Kota", "Nama MPP", "Polri", "BPJS Kesehatan", "BPJS TK", "KPP Pratama", self.agency],
                [1, region, self.mall, "✓", "✓", "x", "✓", "✓"],
                [2, "Kabupaten Siak", "MPP Siak", "✓", None, "✓", "✓", None]]  # fmt: skip
        return wb.xlsx({self.sheet: malls, "Instansi": grid}, name=self.file)

    def geojson(self) -> bytes:
        return json.dumps({"type": "FeatureCollection", "features": [
            feature("61.03", square(110, 0)), feature(self.boundary_code, square(0, 0))]}).encode()  # fmt: skip


def load_hostile_store(url: str, hostile: Hostile) -> int:
    """The sample, then a snapshot of the hostile workbook and a hostile boundary file; the snapshot id."""
    store = service.open_store(url)
    result = service.ingest_files([hostile.workbook()], store, actor=ADMIN)
    assert result.snapshot_id is not None, result.issues.to_dict("records")
    service.save_boundaries(store, hostile.boundary_file, hostile.geojson(), actor=ADMIN, settings=service.Settings())
    return result.snapshot_id
