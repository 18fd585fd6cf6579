"""gunicorn's settings, from the environment: `gunicorn -c keuzehulp/gunicorn_conf.py
keuzehulp.wsgi:application` on every web host (README, Topology).

Sync workers by default: the pages are short CPU-bound requests (the dossier, the one long
piece of work, is rendered by the document workers), so one process per core, plus one to
cover a worker that waits on the database, keeps the cores busy without queuing inside a
process.
"""

from __future__ import annotations

import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value else default


bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = _int("WEB_CONCURRENCY", (os.cpu_count() or 1) + 1)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = _int("GUNICORN_THREADS", 1)
# A request still running after this many seconds is killed and its worker replaced: a wizard
# step takes milliseconds, an API design well under a second.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Workers are replaced after this many requests (with jitter, so not all at once): whatever
# a long-lived process accumulates (fragmentation, caches) is given back. At 1000 (± 100) the
# load benchmark's 30 requests a second replaced both workers within the same 3 s of a
# one-minute run, and the requests queued behind two cold workers; 10 000 (± 1000) replaces a
# busy worker every few minutes, and never two at once. Web workers render no documents.
max_requests = _int("GUNICORN_MAX_REQUESTS", 10000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 1000)
# The master imports Django and the project once and forks the workers from it: importing and
# setting up costs about 2.5 s of CPU, which a worker replaced after max_requests would otherwise
# spend again while the requests queue behind it. Nothing opens a database connection or a
# thread at import time, so the forked workers share nothing they should not. Off
# (GUNICORN_PRELOAD=0) for a worker that must pick up new code on its own restart.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1").strip().lower() not in {"0", "false", "no"}
# Access lines carry the request id the application logs too (keuzehulp.logs).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = (
    '{"time": "%(t)s", "request_id": "%({x-request-id}o)s", "method": "%(m)s", '
    '"path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s, '
    '"remote": "%(h)s"}'
)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
