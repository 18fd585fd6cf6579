"""Realistic walks through Keuzehulp for locust; `make loadtest` runs them (bin/loadtest).

An installer answers the wizard's steps (each a form with its CSRF token, with htmx live
updates while typing), reads the overview, saves, opens the share page and downloads the
dossier (waiting while the worker makes it, asking again every two seconds as the page's htmx
does), the diagram and the order list. Between two pages the installer reads and types for a
moment (``wait_time``): without that pause 50 simulated users fire their twenty requests back
to back and stand for many more people than 50. An integrator calls the JSON API.

A step that does not move on, a save that does not lead to the saved configuration, a run
that saved nothing and a run in which no dossier came count as failures. At the end every
saved configuration is opened again: saved must equal retrievable. How long each dossier took
from its first request to its download is printed beside the request figures: that is the
document queue (how many document workers the load needs), not an error of a request.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from typing import Any

from locust import HttpUser, between, events, task

SITES = [
    {"main_fuse": "1x35", "inverter": "SMILE-G3-S5", "module": "SMILE-G3-BAT-9.3S", "count": "2"},
    {"main_fuse": "3x25", "inverter": "SMILE-G3-T10", "module": "SMILE-G3-BAT-9.3S", "count": "4"},
    {"main_fuse": "3x35", "inverter": "SMILE-G3-T20", "module": "SMILE-G3-BAT-9.3S", "count": "8"},
]
CABLE = {"method": "B1", "cable_type": "VD", "ambient_c": "30", "grouped_circuits": "1"}
DESIGN = {
    "connection": {"phases": 3, "main_fuse_a": 25, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-T10",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 4}],
    "backup": "none",
    "location": "indoor",
    "ac_cable": {"length_m": 12, "method": "B1", "insulation": "PVC", "ambient_c": 30},
}
CABLE_REQUEST = {
    "current_a": 20,
    "phases": 3,
    "length_m": 25,
    "method": "B1",
    "insulation": "PVC",
    "ambient_c": 30,
    "grouped_circuits": 1,
}
# How long a download may wait for the document worker before it counts as failed.
DOSSIER_WAIT_S = 60
# How often the waiting page asks again (hx-trigger="every 2s" in dossier/waiting.html).
DOSSIER_POLL_S = 2
SAVED = re.compile(r"/configuratie/([0-9a-f-]{36})/")

saved: list[str] = []
statuses: Counter[tuple[str, int]] = Counter()
# Seconds from a dossier's first request to its download, for each dossier that came; and how
# many waited DOSSIER_WAIT_S and gave up. The document queue's figures, not request errors: a
# waiting download is answered at once ("wordt gemaakt…") and nothing is lost, but how long an
# installer waits is the measure of how many document workers the load needs.
dossier_waits: list[float] = []
dossier_gave_up: list[str] = []


def steps(site: dict[str, str], reference: str) -> list[tuple[str, dict[str, str]]]:
    def cable(run: str, length: str) -> dict[str, str]:
        return {f"{run}_length_m": length, **{f"{run}_{k}": v for k, v in CABLE.items()}}

    return [
        (
            "aansluiting",
            {
                "project_reference": reference,
                "main_fuse": site["main_fuse"],
                "earthing": "TN-C-S",
                "pv": "none",
                "pv_phase": "L1",
                "location": "indoor",
                "min_ambient_c": "",
            },
        ),
        ("omvormer", {"inverter": site["inverter"]}),
        ("batterij", {"module": site["module"], "count": site["count"]}),
        ("noodstroom", {"backup": "none"}),
        ("groepenkast", {"mode": "new", "household_circuits": "8"}),
        ("bekabeling", {"max_voltage_drop_pct": "1", **cable("ac", str(random.randint(5, 30)))}),
    ]


@events.request.add_listener
def count_status(name: str, response: Any, exception: Any, **kwargs: Any) -> None:
    code = getattr(response, "status_code", 0) or 0
    if exception is not None or code >= 400:
        statuses[(name, code)] += 1


class Installer(HttpUser):
    weight = 4
    wait_time = between(1, 3)

    def csrf(self) -> dict[str, str]:
        return {"csrfmiddlewaretoken": self.client.cookies.get("csrftoken") or ""}

    @task
    def design_save_and_download(self) -> None:
        site = random.choice(SITES)
        # Each request as the browser sends it: a redirect's target is the walk's next request.
        self.client.get("/wizard/", name="wizard start", allow_redirects=False)
        for slug, answers in steps(site, f"Load {random.randint(1, 10**6)}"):
            url = f"/wizard/{slug}/"
            self.client.get(url, name="wizard step (GET)")
            self.wait()  # reading the step, typing the answers
            live = {**answers, **self.csrf()}
            self.client.post(
                f"{url}?live=1", live, headers={"HX-Request": "true"}, name="htmx live update"
            )
            with self.client.post(
                url,
                {**answers, **self.csrf()},
                name="wizard step (POST)",
                allow_redirects=False,
                catch_response=True,
            ) as answered:
                if answered.status_code != 302:
                    # A form shown again with an error: the walk would go on with a gap.
                    answered.failure(f"step {slug} did not move on ({answered.status_code})")
                    return
        self.client.get("/wizard/overzicht/", name="overview")
        self.wait()
        with self.client.post(
            "/wizard/opslaan/",
            {"action": "save", **self.csrf()},
            name="save",
            allow_redirects=False,
            catch_response=True,
        ) as done:
            found = SAVED.search(done.headers.get("Location", ""))
            if found is None:
                done.failure(f"save did not lead to a saved configuration ({done.status_code})")
                return
        pk = found.group(1)
        saved.append(pk)
        self.client.get(f"/configuratie/{pk}/", name="share page")
        self.client.get(f"/configuratie/{pk}/schema.svg", name="diagram (SVG)")
        self.client.get(f"/configuratie/{pk}/bestellijst.csv", name="order list (CSV)")
        self.dossier(pk)

    def dossier(self, pk: str) -> None:
        """Download as a browser would: on 'wordt gemaakt' poll as htmx does, then fetch."""
        url = f"/configuratie/{pk}/dossier.pdf"
        started = time.monotonic()
        deadline = started + DOSSIER_WAIT_S
        first = self.client.get(url, name="dossier (first request)")
        if first.status_code == 200:
            dossier_waits.append(0.0)
        if first.status_code != 202:
            return
        while time.monotonic() < deadline:
            time.sleep(DOSSIER_POLL_S)
            poll = self.client.get(url, headers={"HX-Request": "true"}, name="dossier (htmx poll)")
            if poll.headers.get("HX-Redirect"):
                ready = self.client.get(url, name="dossier (ready)")
                if ready.status_code == 200:
                    dossier_waits.append(time.monotonic() - started)
                return
            if poll.status_code != 202:
                return
        dossier_gave_up.append(pk)


class Integrator(HttpUser):
    weight = 1
    wait_time = between(1, 3)

    @task(3)
    def design(self) -> None:
        self.client.post("/api/design/", json=DESIGN, name="api design")

    @task(1)
    def cable(self) -> None:
        self.client.post("/api/cable/", json=CABLE_REQUEST, name="api cable")


@events.quitting.add_listener
def report(environment: Any, **kwargs: Any) -> None:
    """Percentiles per endpoint, errors by status, and saved against retrievable."""
    import requests

    host = environment.host
    rows = sorted(environment.stats.entries.values(), key=lambda entry: entry.name)
    print(f"\n{'endpoint':32} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for entry in rows:
        p50, p95, p99 = (entry.get_response_time_percentile(p) for p in (0.5, 0.95, 0.99))
        print(f"{entry.name:32} {entry.num_requests:8d} {p50:8.0f} {p95:8.0f} {p99:8.0f}")
    print("\nerrors by status:", dict(statuses) or "none")
    retrievable = sum(
        requests.get(f"{host}/configuratie/{pk}/", timeout=30).status_code == 200 for pk in saved
    )
    print(f"saved configurations: {len(saved)}, retrievable afterwards: {retrievable}")
    if dossier_waits:
        waits = sorted(dossier_waits)
        p50, p95 = (waits[min(len(waits) - 1, int(q * len(waits)))] for q in (0.5, 0.95))
        print(
            f"dossiers downloaded: {len(waits)}, seconds from first request to download: "
            f"p50 {p50:.1f}, p95 {p95:.1f}, max {waits[-1]:.1f}"
        )
    unfinished = len(saved) - len(dossier_waits) - len(dossier_gave_up)
    print(
        f"dossiers still being made after {DOSSIER_WAIT_S} s of waiting: {len(dossier_gave_up)}"
        f" (and {unfinished} whose user was stopped by the end of the run)"
    )
    if not saved:
        # Nothing saved is nothing measured: saving and the dossier were never reached.
        print("no configuration was saved: the walks did not reach the save within the run")
    if statuses or not saved or retrievable != len(saved) or not dossier_waits:
        environment.process_exit_code = 1
