"""The engine is pure Python: nothing in sizing/ may pull in Django."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import sizing

SIZING = Path(sizing.__file__).parent


def sizing_modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages([str(SIZING)], prefix="sizing."))


def test_importing_every_sizing_module_loads_no_django():
    script = (
        "import importlib, sys\n"
        f"for name in {sizing_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=SIZING.parent,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(SIZING.parent)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_engine_modules_are_all_checked():
    assert {"sizing.engine", "sizing.system.rules", "sizing.system.suggest", "sizing.bom"} <= set(
        sizing_modules()
    )


def test_no_source_file_in_sizing_mentions_a_django_import():
    offenders = [
        path.name
        for path in SIZING.rglob("*.py")
        if any(
            line.lstrip().startswith(("import django", "from django"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
