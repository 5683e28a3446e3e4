"""The parse worker's result crosses the pipe unchanged, its participation dictionary-encoded."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pandas as pd
import pandas.testing as pdt

from mpp_data.ingest.pipeline import IngestOptions, UploadedFile, check_files
from mpp_data.ingest.transfer import decode_frame, encode_frame, receive_result, send_result
from mpp_data.store.packing import PARTICIPATION_DTYPES
from mpp_data.store.snapshots import PARTICIPATION_COLUMNS


def _participation(rows: int) -> pd.DataFrame:
    return pd.DataFrame({
        "file": pd.Series(["a.xlsx"] * rows, dtype="str"),
        "mall_name": pd.Series([f"MPP {i % 7}" if i % 5 else None for i in range(rows)], dtype="str"),
        "row": pd.Series(range(rows), dtype="int64"),
        "present": pd.Series([i % 2 == 0 for i in range(rows)], dtype="bool"),
        "services": pd.Series([i if i % 3 else None for i in range(rows)], dtype="Int64"),
    })  # fmt: skip


def test_a_frame_of_texts_and_numbers_comes_back_equal_and_smaller() -> None:
    frame = _participation(5_000)
    encoded = encode_frame(frame)
    assert encoded is not None
    pdt.assert_frame_equal(decode_frame(encoded), frame)
    texts = frame[["file", "mall_name"]]  # repeated names travel once each
    assert encode_frame(texts).stream.size < texts.memory_usage(deep=True).sum() / 2


def test_large_nullable_counts_come_back_exactly() -> None:
    frame = pd.DataFrame({"services": pd.Series([2**60 + 1, None], dtype="Int64")})
    pdt.assert_frame_equal(decode_frame(encode_frame(frame)), frame)


def test_frames_a_round_trip_could_change_are_left_to_pickle() -> None:
    dates = pd.DataFrame({"inaugurated_on": [dt.date(2024, 6, 24), None]})
    assert encode_frame(dates) is None
    assert encode_frame(_participation(10).iloc[2:]) is None  # an index that does not start at 0
    assert encode_frame(pd.DataFrame({1: ["a"]})) is None  # a label that is not text
    assert encode_frame(_participation(0)) is not None


def test_a_checked_upload_crosses_a_pipe_unchanged() -> None:
    csv = "Kabupaten/Kota;Nama MPP;Instansi;Jumlah Layanan\nKota Depok;MPP Kota Depok;BPJS Kesehatan;3\n" * 3
    result = check_files([UploadedFile("p.csv", csv.encode())], {}, IngestOptions())
    assert len(result.participation) == 3
    parent, child = multiprocessing.Pipe()
    send_result(child, ("result", result, {}, 12.5, True))
    header = parent.recv()
    _, received, refused, peak, keep = receive_result(parent, header[1])
    pdt.assert_frame_equal(received.participation, result.participation)
    pdt.assert_frame_equal(received.malls, result.malls)
    assert (refused, peak, keep, received.counts) == ({}, 12.5, True, result.counts)


def test_the_stored_participation_types_name_every_stored_column_in_order() -> None:
    assert list(PARTICIPATION_DTYPES) == PARTICIPATION_COLUMNS
