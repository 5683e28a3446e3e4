"""Cells of a sheet, looked at once per distinct value (pure).

Exports repeat the same names, dates and marks thousands of times: each helper here factorises the
cells first and asks its question of every distinct value once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd


def is_blank_cell(value: object) -> bool:
    """An empty cell: None, NaN or only white space."""
    return (
        value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip())
    )


def cell_text(value: object) -> str:
    """A cell as the analyst wrote it, for a report: a whole number that the workbook or pandas keeps as a
    float reads as it was typed (``-5``, not ``-5.0``); "" for an empty cell.

    >>> cell_text(-5.0), cell_text(2.5), cell_text(None), cell_text("Bogor")
    ('-5', '2.5', '', 'Bogor')
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class DistinctCells:
    """A block of cells factorised once: ``codes`` (same shape, -1 for None/NaN) into ``uniques``.
    Exports repeat the same few values thousands of times; each is looked at once."""

    codes: np.ndarray
    uniques: np.ndarray

    @classmethod
    def of(cls, block: np.ndarray) -> DistinctCells:
        codes, uniques = pd.factorize(block.ravel())
        return cls(codes.reshape(block.shape), np.asarray(uniques, dtype=object))

    def answers(
        self, function: Callable[[object], object], dtype: type = object, at: np.ndarray | None = None
    ) -> np.ndarray:
        """``function`` of every distinct value, or only of those found at codes ``at``, with the answer
        for a missing cell last (code -1). Values not asked about answer None (False as bool)."""
        answers = np.empty(len(self.uniques) + 1, dtype=object)
        for code in range(len(self.uniques)) if at is None else np.unique(at):
            answers[code] = function(self.uniques[code] if code >= 0 else None)
        answers[-1] = function(None)
        return answers if dtype is object else answers.astype(dtype)

    def answers_for(self, codes: np.ndarray, function: Callable[[object], bool]) -> np.ndarray:
        """``function`` of the cells at ``codes`` (a part of the block), asked only of values found there."""
        return self.answers(function, bool, at=codes)[codes]


def map_distinct(values: pd.Series, function: Callable[[object], object]) -> pd.Series:
    """``function`` applied once per distinct value and spread back over the rows (object dtype):
    exports repeat the same cells thousands of times. Missing cells are passed as None."""
    cells = DistinctCells.of(values.to_numpy(dtype=object))
    return pd.Series(cells.answers(function)[cells.codes], index=values.index, dtype=object)


def group_numbers(*columns: np.ndarray | pd.Series) -> np.ndarray:
    """A group number per row (0, 1, ... in order of first appearance), equal for rows whose values in
    ``columns`` are all equal."""
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        combined = pd.factorize(combined * (len(uniques) + 1) + codes + 1)[0]  # stays below the row count
    return combined
