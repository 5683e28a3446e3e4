"""Alert events: what the newest snapshot changed against the one before it, each event once (its
``key`` is unique per alert), and the e-mail naming the snapshot and the regions with a link back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.message import EmailMessage
from functools import cached_property

import pandas as pd

from mpp_data.analysis import metrics, schedule
from mpp_data.config import Settings
from mpp_data.present import mail as present_mail
from mpp_data.present.text import format_date, format_number, t
from mpp_data.reference.regions import official_regions, province_names
from mpp_data.scope import ViewScope
from mpp_data.service import views
from mpp_data.service.plan import plan_for
from mpp_data.service.queries import SnapshotData, load_snapshot
from mpp_data.service.views import national_summary
from mpp_data.store import Store
from mpp_data.store.accounts import withdrawn_ids

#: Where each alert's link points on the dashboard (Streamlit's page paths).
ALERT_PAGES = {"coverage_changed": "", "region_lost_mall": "gaps", "plan_worse": "planner", "no_upload": "history"}


def link(settings: Settings, page: str = "") -> str:
    return f"{settings.base_url.rstrip('/')}/{page}"


def scope_name(province: str | None, lang: str) -> str:
    return province_names()[province] if province else t("mail.scope_nation", lang)


@dataclass(frozen=True)
class AlertEvent:
    """One event an alert fires for, once: ``key`` is unique per alert and event."""

    key: str
    snapshot_id: int
    params: dict


def alert_message(settings: Settings, alert: dict, event: AlertEvent, now: dt.datetime) -> EmailMessage:
    lang = alert["lang"]
    params = dict(event.params)
    if "scope" in params:
        params["scope"] = scope_name(alert["province"], lang)
    if "loaded" in params:
        params["loaded"] = format_date(dt.date.fromisoformat(params["loaded"]), lang)
    for key in ("before", "after", "count", "days"):
        if key in params:
            params[key] = format_number(params[key], lang)
    if "items" in params:
        params["regions"] = "; ".join(
            f"{p['name']} ({t('plan.status.' + p['from'], lang)} → {t('plan.status.' + p['to'], lang)})"
            if "from" in p
            else f"{p['name']} ({p['code']})"
            for p in params.pop("items")
        )
    return present_mail.alert_message(
        alert["kind"],
        params,
        lang=lang,
        sender=settings.smtp_from,
        recipients=alert["recipients"],
        now=now,
        link=link(settings, ALERT_PAGES[alert["kind"]]),
    )


class AlertView:
    """The newest snapshot in view and the one before it (neither sample data), read once per run."""

    def __init__(self, store: Store, settings: Settings, now: dt.datetime) -> None:
        self.store, self.settings, self.now = store, settings, now
        self.latest_id = store.latest_snapshot_id()

    @cached_property
    def latest(self) -> SnapshotData:
        return load_snapshot(self.store, self.latest_id)

    @cached_property
    def previous(self) -> SnapshotData | None:
        if bool(self.latest.snapshot["is_sample"]):
            return None
        listed = self.store.list_snapshots()
        earlier = listed[
            listed["id"].lt(self.latest_id)
            & ~listed["is_sample"].astype(bool)
            & ~listed["id"].isin(withdrawn_ids(self.store))
        ]
        return load_snapshot(self.store, int(earlier["id"].max())) if len(earlier) else None

    def _regions(self, data: SnapshotData, province: str | None) -> pd.DataFrame:
        regions = official_regions()
        status = metrics.compute_region_status(data.malls, regions, views.default_as_of(data))
        return status[status["province_code"].eq(province)] if province else status

    def _plan(self, data: SnapshotData, province: str | None) -> pd.DataFrame:
        plan = plan_for(data, basis=self.settings.basis, target_date=self.settings.target_date)
        provinces = plan.provinces[["code", "name", "status"]]
        return provinces[provinces["code"].eq(province)] if province else provinces

    def events(self, alert: dict) -> list[AlertEvent]:
        kind, province, latest_id = alert["kind"], alert["province"], int(self.latest_id or 0)
        scope = province or "nation"
        if kind == "no_upload":
            created = self.latest.snapshot["created_at"]
            created = dt.datetime.fromisoformat(created) if isinstance(created, str) else created
            created = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
            days = (self.now - created).days
            if days <= self.settings.alert_no_upload_days:
                return []
            return [
                AlertEvent(
                    f"no_upload:{latest_id}",
                    latest_id,
                    {"days": days, "snapshot": latest_id, "loaded": created.date().isoformat()},
                )
            ]
        previous = self.previous
        if previous is None:
            return []
        before_id = int(previous.snapshot["id"])
        if kind == "coverage_changed":
            basis = self.settings.basis
            figures_scope = ViewScope(province=province, basis=basis)
            before = national_summary(previous, scope=figures_scope)["covered_units"]
            after = national_summary(self.latest, scope=figures_scope)["covered_units"]
            if not schedule.covered_changed(before, after, self.settings.alert_covered_change):
                return []
            return [
                AlertEvent(
                    f"coverage_changed:{scope}:{before_id}:{latest_id}",
                    latest_id,
                    {
                        "scope": scope,
                        "before": before,
                        "after": after,
                        "before_snapshot": before_id,
                        "snapshot": latest_id,
                    },
                )
            ]
        if kind == "region_lost_mall":
            after = self._regions(self.latest, province)
            lost = schedule.regions_lost(self._regions(previous, province), after)
            if not lost:
                return []
            names = dict(zip(after["code"], after["name"], strict=True))
            items = [{"code": code, "name": names[code]} for code in lost]
            return [
                AlertEvent(
                    f"region_lost_mall:{scope}:{before_id}:{latest_id}",
                    latest_id,
                    {"count": len(lost), "snapshot": latest_id, "items": items},
                )
            ]
        if kind == "plan_worse":
            worse = schedule.provinces_worse(self._plan(previous, province), self._plan(self.latest, province))
            if not worse:
                return []
            return [
                AlertEvent(
                    f"plan_worse:{scope}:{before_id}:{latest_id}", latest_id, {"snapshot": latest_id, "items": worse}
                )
            ]
        return []
