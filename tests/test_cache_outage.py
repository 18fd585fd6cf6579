"""A Redis cache that goes down costs the visitor nothing but the cache; /ready/ reports it.

The cache holds the rate-limit counters and the quick documents (diagrams, order lists). With
``CACHE_URL=redis://…`` the settings use django-redis with IGNORE_EXCEPTIONS: a Redis that
refuses or does not answer reads as a cache miss and a log line, the rate limits let requests
through (RATELIMIT_FAIL_OPEN), and /ready/ answers 503 so the operator is paged. Against a real
Redis (Debian's redis-server, which ``make test`` installs, on a free loopback port) the limits
count in Redis, and after an outage the cache and the limits work again by themselves.
"""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from keuzehulp.models import Configuration
from keuzehulp.settings import cache_from_url

pytestmark = pytest.mark.django_db

DESIGN = {
    "connection": {"phases": 1, "main_fuse_a": 35},
    "inverter": "SMILE-G3-S5",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def redis_settings(url: str) -> Any:
    """The settings CACHE_URL=url gives, applied for one test (fresh connections each time)."""
    caches["default"].close()
    return override_settings(CACHES={"default": cache_from_url(url)})


def post_design(client: Client) -> Any:
    return client.post(
        reverse("api_design"), DESIGN, content_type="application/json", REMOTE_ADDR="203.0.113.9"
    )


class RedisServer:
    """Debian's redis-server on a free loopback port, without persistence; stop and start."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self.directory = directory
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is missing: make test installs Debian's redis-server"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 15
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=15)
            self.process = None

    def stored_keys(self) -> list[bytes]:
        return list(redis.Redis(port=self.port).keys("*"))


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    yield server
    caches["default"].close()
    server.stop()


@pytest.fixture
def saved() -> Configuration:
    return Configuration.objects.create(
        request=DESIGN, engine_version="test", catalog_version="test", project_reference="Storing"
    )


# Nothing listens on port 1 (the real servers here take free ephemeral ports): Redis refuses.
# A port handed out and closed again could be taken by another xdist worker's redis-server.
REFUSED = "redis://127.0.0.1:1/0"


def test_a_redis_cache_url_gives_a_backend_that_survives_an_outage() -> None:
    cache = cache_from_url("redis://cache.internal:6379/1")
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    # A Redis that hangs costs a request at most these, not gunicorn's whole timeout.
    assert 0 < cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1
    assert 0 < cache["OPTIONS"]["SOCKET_TIMEOUT"] <= 2


def test_with_the_cache_down_the_api_answers_and_the_log_says_why(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with redis_settings(REFUSED), caplog.at_level(logging.ERROR, logger="django_redis"):
        answers = [post_design(client) for _ in range(3)]
        cable = client.post(
            reverse("api_cable"),
            {"current_a": 14.5, "phases": 3, "length_m": 25},
            content_type="application/json",
        )
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert answers[0].json()["bom"], "a design with its bill of materials"
    assert cable.status_code == 200 and cable.json()["breaker_a"] == 16
    refused = [r for r in caplog.records if r.name.startswith("django_redis")]
    assert refused, "the outage is logged"
    assert "Connection refused" in str(refused[0].exc_info[1])


def test_with_the_cache_down_the_documents_and_the_wizard_are_served(
    client: Client, saved: Configuration
) -> None:
    with redis_settings(REFUSED):
        diagram = client.get(reverse("documents:configuration_svg", args=[saved.pk]))
        orders = client.get(reverse("documents:configuration_csv", args=[saved.pk]))
        dossier = client.get(reverse("documents:configuration_pdf", args=[saved.pk]))
        wizard = client.get(reverse("wizard:start"), follow=True)
        ready = client.get(reverse("ready"))
    assert diagram.status_code == 200 and diagram.content.startswith(b"<svg")
    assert diagram["X-Document-Cache"] == "miss"
    assert orders.status_code == 200 and b"SMILE-G3-S5" in orders.content
    assert dossier.status_code == 200 and dossier.content.startswith(b"%PDF")
    assert wizard.status_code == 200 and b"<form" in wizard.content
    assert ready.status_code == 503 and ready.json()["cache"] is False


@pytest.mark.usefixtures("one_rate_window")
@override_settings(RATE_API="3/m")
def test_the_api_limit_counts_in_redis(client: Client, redis_server: RedisServer) -> None:
    with redis_settings(redis_server.url):
        answers = [post_design(client).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    assert any(b"rl:" in key for key in redis_server.stored_keys()), redis_server.stored_keys()


@pytest.mark.usefixtures("one_rate_window")
@override_settings(RATE_API="2/m")
def test_after_an_outage_the_cache_and_the_limits_work_again_by_themselves(
    client: Client, redis_server: RedisServer, saved: Configuration
) -> None:
    diagram_url = reverse("documents:configuration_svg", args=[saved.pk])
    with redis_settings(redis_server.url):
        assert client.get(reverse("ready")).status_code == 200
        assert client.get(diagram_url)["X-Document-Cache"] == "miss"
        assert client.get(diagram_url)["X-Document-Cache"] == "hit"
        assert [post_design(client).status_code for _ in range(3)] == [200, 200, 429]

        redis_server.stop()
        # Down: the limit cannot count, so it lets the client through; the host is not ready.
        assert [post_design(client).status_code for _ in range(3)] == [200, 200, 200]
        down = client.get(diagram_url)
        assert down.status_code == 200 and down["X-Document-Cache"] == "miss"
        assert client.get(reverse("ready")).status_code == 503

        redis_server.start()  # the same port, empty: it kept nothing on disk
        assert client.get(reverse("ready")).status_code == 200
        assert client.get(diagram_url)["X-Document-Cache"] == "miss"
        assert client.get(diagram_url)["X-Document-Cache"] == "hit"
        assert [post_design(client).status_code for _ in range(3)] == [200, 200, 429]
