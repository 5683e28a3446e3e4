"""One uploaded file as it is kept with its snapshot, with its check report and the analyst's changes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceFile:
    """One uploaded file as it came in, its check report (one dict per issue), and what the analyst changed:
    ``corrections`` (sheet, row, column, written, corrected) and ``left_out`` (sheet, row, reason, values)."""

    file_name: str
    sha256: str
    content: bytes
    report: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)
    left_out: list[dict] = field(default_factory=list)

    def report_json(self) -> str:
        """The stored report: the issues alone, as before, unless the analyst changed something."""
        if not (self.corrections or self.left_out):
            return json.dumps(self.report, default=str)
        stored = {"issues": self.report, "corrections": self.corrections, "left_out": self.left_out}
        return json.dumps(stored, default=str)

    @classmethod
    def stored(cls, file_name: str, sha256: str, content: bytes, report: str) -> SourceFile:
        parsed = json.loads(report)
        if isinstance(parsed, list):
            return cls(file_name, sha256, content, parsed)
        return cls(file_name, sha256, content, parsed["issues"], parsed["corrections"], parsed["left_out"])
