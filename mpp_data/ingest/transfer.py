"""A checked upload's result sent from the parse worker to the service over a pipe.

Pickle protocol 5 with buffers sent apart: they are written to the pipe as they are, not copied into
the pickle. Each kind's checked frame (``IngestResult.tables``) travels as an Arrow stream with its text
columns dictionary-encoded, and is decoded to the same frame on arrival: a participation table repeats
each mall, agency and file name on every row (a national grid is 118,000 rows and 18 MB of text), which
this sends in about a third of the bytes.
"""

from __future__ import annotations

import dataclasses
import pickle
from multiprocessing.connection import Connection

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from mpp_data.ingest.pipeline import IngestResult

#: Column types an Arrow round trip gives back exactly (after the dtype is set again).
_PLAIN_DTYPES = ("str", "bool", "int64", "Int64", "float64")


@dataclasses.dataclass(frozen=True)
class EncodedFrame:
    """A frame as an Arrow IPC stream, with the pandas dtypes to give it back."""

    stream: pa.Buffer
    dtypes: dict[str, str]


def encode_frame(frame: pd.DataFrame) -> EncodedFrame | None:
    """The frame for the pipe, or None when it holds types or an index a round trip could change
    (such a frame is pickled as it is)."""
    dtypes = {str(c): str(t) for c, t in frame.dtypes.items()}
    plain_index = isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0 and frame.index.step == 1
    plain_labels = frame.columns.name is None and all(isinstance(c, str) for c in frame.columns)
    if not (plain_index and plain_labels) or len(dtypes) != frame.shape[1]:
        return None
    if any(t not in _PLAIN_DTYPES for t in dtypes.values()):
        return None
    table = pa.Table.from_pandas(frame, preserve_index=False)
    columns = [pc.dictionary_encode(c) if pa.types.is_large_string(c.type) else c for c in table.columns]
    # The pandas metadata goes along: without it a nullable Int64 column would come back through float64.
    table = pa.table(columns, names=table.column_names, metadata=table.schema.metadata)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return EncodedFrame(sink.getvalue(), dtypes)


def decode_frame(encoded: EncodedFrame) -> pd.DataFrame:
    table = pa.ipc.open_stream(encoded.stream).read_all()
    columns = [c.cast(c.type.value_type) if pa.types.is_dictionary(c.type) else c for c in table.columns]
    frame = pa.table(columns, names=table.column_names, metadata=table.schema.metadata).to_pandas()
    changed = {c: t for c, t in encoded.dtypes.items() if str(frame[c].dtype) != t}
    return frame.astype(changed) if changed else frame


def send_result(conn: Connection, message: tuple) -> None:
    """``("result", IngestResult, ...)`` down the pipe, each kind's frame encoded (those that can be)."""
    result: IngestResult = message[1]
    encoded: dict[str, EncodedFrame] = {}
    for name, frame in result.tables.items():
        found = encode_frame(frame) if len(frame) else None
        if found is not None:
            encoded[name] = found
    if encoded:
        kept = {name: frame.iloc[:0] if name in encoded else frame for name, frame in result.tables.items()}
        message = ("result", dataclasses.replace(result, tables=kept), *message[2:])
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps((message, encoded), protocol=5, buffer_callback=buffers.append)
    conn.send(("result", len(buffers)))
    conn.send_bytes(data)
    for buffer in buffers:
        conn.send_bytes(buffer.raw())


def receive_result(conn: Connection, count: int) -> tuple:
    """The message ``send_result`` sent, after its ``("result", count)`` header."""
    data = conn.recv_bytes()
    message, encoded = pickle.loads(data, buffers=[conn.recv_bytes() for _ in range(count)])
    if not encoded:
        return message
    tables = {**message[1].tables, **{name: decode_frame(e) for name, e in encoded.items()}}
    return ("result", dataclasses.replace(message[1], tables=tables), *message[2:])
