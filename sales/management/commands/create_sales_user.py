"""``manage.py create_sales_user NAME --email E``: an account for the sales area (group Verkoop).

The password is asked twice on a terminal, or read from standard input with
``--password-stdin`` (scripts, CI), never from an argument that ``ps`` would show. Running it
again for an existing user adds the group (and with a password, sets it).
"""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.db import transaction


def refuse(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Create (or add to group Verkoop) a user for the sales area at /verkoop/."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", required=True, help="where quote notifications go")
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"].strip()
        if not username or len(username) > 150:
            raise refuse("give a user name of 1 to 150 characters")
        try:
            # The rule the admin's user form applies: a name it refuses could not be edited there.
            User.username_validator(username)
        except ValidationError as exc:
            raise refuse(
                f"not a user name: {username!r} (letters, digits and @ . + - _ only)"
            ) from exc
        try:
            validate_email(options["email"])
        except ValidationError as exc:
            raise refuse(f"not an e-mail address: {options['email']!r}") from exc
        password = self._password(options["password_stdin"])
        user = User.objects.filter(username=username).first() or User(username=username)
        if password is not None:
            try:
                validate_password(password, user)
            except ValidationError as exc:
                raise refuse(" ".join(exc.messages)) from exc
        elif user.pk is None:
            raise refuse("a new user needs a password")
        with transaction.atomic():
            user.email = options["email"]
            user.is_active = True
            if password is not None:
                user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name="Verkoop"))
        self.stdout.write(f"{username} is in group Verkoop; log in at /inloggen/, then /verkoop/")

    def _password(self, from_stdin: bool) -> str | None:
        password = self._read_password(from_stdin)
        # Bytes that are not UTF-8 arrive as lone surrogates, which cannot be hashed.
        if password is not None and any("\ud800" <= char <= "\udfff" for char in password):
            raise refuse("the password is not valid UTF-8 text")
        return password

    def _read_password(self, from_stdin: bool) -> str | None:
        if from_stdin:
            try:
                return sys.stdin.readline().rstrip("\r\n") or None
            except UnicodeDecodeError as exc:
                raise refuse("the password is not valid UTF-8 text") from exc
        if not sys.stdin.isatty():
            return None
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise refuse("the passwords differ")
        return first or None
