"""A production instance never runs on the public development key; production settings pass
Django's deployment checks."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The production variables the README lists (Configuration → Production).
PRODUCTION = {
    "DEBUG": "0",
    "ALLOWED_HOSTS": "keuzehulp.example.nl",
    "CSRF_TRUSTED_ORIGINS": "https://keuzehulp.example.nl",
    "SECURE_COOKIES": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_PRELOAD": "1",
    "STATIC_MANIFEST": "1",
    "CACHE_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # Only the machine's environment: not the test run's own key, nor the async escape hatch
    # the browser tests switch on (a deployment must never have it; the check says so).
    dropped = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off() -> None:
    done = manage("check", DEBUG="0")
    assert done.returncode == 2
    assert "SECRET_KEY is not set" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_development_machine_may_run_on_the_development_key() -> None:
    done = manage("check", DEBUG="1")
    assert done.returncode == 0, done.stderr


def test_the_deploy_check_flags_the_development_key_if_it_is_ever_set_by_hand() -> None:
    from keuzehulp.settings import DEV_SECRET_KEY

    done = manage("check", "--deploy", **{**PRODUCTION, "SECRET_KEY": DEV_SECRET_KEY})
    assert "security.W009" in done.stderr + done.stdout


def test_the_readme_production_variables_pass_the_deploy_check_cleanly() -> None:
    done = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **{**PRODUCTION, "SECRET_KEY": secrets.token_urlsafe(50)},
    )
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def test_the_deploy_check_warns_when_workers_would_not_share_rate_limits() -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "CACHE_URL"}
    done = manage("check", "--deploy", **{**env, "SECRET_KEY": secrets.token_urlsafe(50)})
    assert "keuzehulp.W001" in done.stderr


def test_every_production_variable_the_test_uses_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in [*PRODUCTION, "SECRET_KEY", "TRUSTED_PROXY_COUNT", "RATE_API"]:
        assert f"`{name}`" in readme, name
    assert "clearsessions" in readme


def test_every_make_target_that_runs_django_works_without_a_secret_key_in_the_environment() -> None:
    """`make run` on a fresh clone must start: each manage.py (or mypy) line of the targets a
    developer runs either turns DEBUG on or brings its own throwaway key. (pytest, and so
    `make bench`, gets its key from pytest-env in pyproject.toml.)"""
    for target in ("run", "fixtures", "superuser", "messages", "lint", "test"):
        done = subprocess.run(
            ["make", "-n", "--always-make", target],
            cwd=ROOT,
            env={k: v for k, v in os.environ.items() if k != "SECRET_KEY"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        commands = [
            line
            for line in done.stdout.splitlines()
            if "manage.py" in line or line.rstrip().endswith("mypy .")
        ]
        assert commands, target
        for line in commands:
            assert "DEBUG=1" in line or "SECRET_KEY=" in line, (target, line)
