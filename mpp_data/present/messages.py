"""A reported problem as one sentence in the reader's language, naming sheet, row and column."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mpp_data.ingest.problems import IssueKind, Problem
from mpp_data.present.labels import region_label
from mpp_data.present.text import error_message, escaped, t


def issue_message(issue: Problem | Mapping, lang: str, escape: Callable[[str], str] | None = None) -> str:
    """One problem (a ``Problem``, or one as plain data: a row of ``IngestResult.issues`` or of a stored
    report) as a sentence naming sheet, row and column; its kind names the message. ``escape`` (such as
    ``safe.md_text``) is applied to the values from the file, never to the sentence."""
    if isinstance(issue, Problem):
        issue = issue.as_record()
    kind = IssueKind(issue["kind"])  # type: ignore[call-arg]  # mypy takes a lookup by value for __init__
    params = dict(issue.get("params") or {})
    where_params = escaped(
        {
            "sheet": issue.get("sheet") or "–",
            "row": issue.get("row") if issue.get("row") is not None else "–",
            "column": issue.get("column") or "–",
        },
        escape,
    )
    where_key = "where" if issue.get("row") is not None else "where.sheet"
    where = t(where_key, lang, **where_params)
    if kind.stops_file:  # the whole file could not be read: the stopping error's message
        return error_message(params.pop("error_code", kind.message_key), params, lang, escape)
    if code := params.pop("region_code", None):  # region names in the reader's language ("Aceh Province")
        params["region"] = region_label(code, lang)
    suggestions = params.pop("suggestions", "")
    if suggestions and issue.get("candidates") is not None and len(issue["candidates"]):
        suggestions = ", ".join(region_label(c, lang) for c in issue["candidates"])
    hint = t("issue.hint.did_you_mean", lang, suggestions=suggestions) if suggestions else ""
    key = kind.message_key_for(params)
    params.pop("conflict", None)
    value = escaped({"value": issue.get("value", "")}, escape)["value"]
    return t(key, lang, value=value, where=where, hint=hint, suggestions=suggestions, **escaped(params, escape))


def issue_kind_label(kind: IssueKind | str, lang: str) -> str:
    """A kind of problem in a few words (``former_province`` -> ``Provinsi induk lama``)."""
    return t(IssueKind(kind).label_key, lang)  # type: ignore[call-arg, arg-type]  # a lookup by value
