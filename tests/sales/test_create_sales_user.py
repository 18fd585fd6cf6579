"""``manage.py create_sales_user``: the documented way to a Verkoop account."""

from __future__ import annotations

import io
import sys

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

pytestmark = pytest.mark.django_db


def run(*args: str, stdin: str = "") -> None:
    old, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        call_command("create_sales_user", *args, stdout=io.StringIO())
    finally:
        sys.stdin = old


def test_the_new_user_logs_in_and_opens_the_sales_area() -> None:
    run(
        "verkoper",
        "--email",
        "verkoop@vekto.example",
        "--password-stdin",
        stdin="Zon-op-het-dak-42\n",
    )
    client = Client()
    login = {"username": "verkoper", "password": "Zon-op-het-dak-42"}
    assert client.post("/inloggen/", login).status_code == 302
    assert client.get("/verkoop/").status_code == 200


def test_running_it_again_keeps_one_user_and_the_group() -> None:
    run("verkoper", "--email", "a@vekto.example", "--password-stdin", stdin="Zon-op-het-dak-42\n")
    run("verkoper", "--email", "b@vekto.example")
    user = User.objects.get(username="verkoper")
    assert user.email == "b@vekto.example"
    assert user.groups.filter(name="Verkoop").exists()
    assert user.check_password("Zon-op-het-dak-42")


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["verkoper", "--email", "geen-adres", "--password-stdin"], "Zon-op-het-dak-42\n"),
        (["verkoper", "--email", "a@vekto.example", "--password-stdin"], "123\n"),
        (["verkoper", "--email", "a@vekto.example"], ""),
        # Bytes that are not UTF-8 (read as lone surrogates): a UnicodeEncodeError traceback.
        (["verkoper", "--email", "a@vekto.example", "--password-stdin"], "\udcffZon-op-42\n"),
    ],
)
def test_bad_input_exits_2_with_a_message(args: list[str], stdin: str) -> None:
    with pytest.raises(CommandError) as refused:
        run(*args, stdin=stdin)
    assert refused.value.returncode == 2
    assert not User.objects.filter(username="verkoper").exists()


@pytest.mark.parametrize("name", ["piet jansen", "<b>verkoper</b>", "verkoper\udcff"])
def test_a_user_name_the_admin_would_refuse_exits_2(name: str) -> None:
    # It was created, and the admin's user form then refused to save that user.
    with pytest.raises(CommandError, match="not a user name") as refused:
        run(name, "--email", "a@vekto.example", "--password-stdin", stdin="Zon-op-het-dak-42\n")
    assert refused.value.returncode == 2
    assert not User.objects.exists()
