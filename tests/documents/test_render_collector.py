"""The dossier render pauses Python's garbage collector and always gives it back."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from keuzehulp.documents import pdf
from keuzehulp.documents.pdf import collector_paused, render_pdf

from .conftest import SINGLE_PHASE_EXISTING


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_on_again_after_a_dossier_is_rendered(make_design: Any) -> None:
    seen: list[bool] = []
    original = pdf.render_document

    def spying(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "render_document", spying)
        assert render_pdf(make_design(SINGLE_PHASE_EXISTING)).startswith(b"%PDF")
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_render_that_fails(make_design: Any) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("Pango fell over")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "render_document", broken)
        with pytest.raises(RuntimeError):
            render_pdf(make_design(SINGLE_PHASE_EXISTING))
    assert gc.isenabled()


def test_a_render_leaves_the_collector_off_when_it_was_off_before() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_the_collector_stays_off_until_the_last_of_two_overlapping_renders_ends() -> None:
    first_inside, second_done, states = threading.Event(), threading.Event(), []

    def first() -> None:
        with collector_paused():
            first_inside.set()
            second_done.wait(timeout=10)
            states.append(gc.isenabled())

    thread = threading.Thread(target=first)
    thread.start()
    first_inside.wait(timeout=10)
    with collector_paused():
        pass
    second_done.set()
    thread.join(timeout=10)
    assert states == [False]
    assert gc.isenabled()
