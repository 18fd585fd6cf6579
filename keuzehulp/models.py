"""Saved configurations: a design request that anyone with its link can open again."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Configuration(models.Model):
    """A wizard result, kept as the request that produced it.

    The primary key is a random UUID, so the share URL cannot be guessed. The
    result is recomputed from ``request`` against the current catalogue when
    opened; ``snapshot`` (totals, prices, findings, circuits and their hash) is
    what the result looked like when saved, to say what changed since.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    project_reference = models.CharField(_("projectreferentie"), max_length=120, blank=True)
    request = models.JSONField(_("ontwerpvraag"))
    engine_version = models.CharField(_("versie rekenregels"), max_length=32)
    catalog_version = models.CharField(_("versie catalogus"), max_length=64)
    snapshot = models.JSONField(_("resultaat bij opslaan"), default=dict)
    snapshot_hash = models.CharField(_("kenmerk resultaat"), max_length=64, blank=True)
    language = models.CharField(_("taal"), max_length=8, default="nl")
    created_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)

    class Meta:
        verbose_name = _("opgeslagen configuratie")
        verbose_name_plural = _("opgeslagen configuraties")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.project_reference or str(self.id)


class HealthProbe(models.Model):
    """One row that ``/health/`` rewrites on every probe: proof that the database accepts
    writes, not just reads (a full disk or a read-only replica answers SELECT 1 fine)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    checked_at = models.DateTimeField()

    class Meta:
        verbose_name = _("gezondheidscontrole")
        verbose_name_plural = _("gezondheidscontroles")

    def __str__(self) -> str:
        return self.checked_at.isoformat()


class SavedDesign(models.Model):
    """A configuration in one browser's "Mijn ontwerpen" list, under the name given there.

    Installers have no account: a browser is known by a random key in a signed cookie, and
    only its SHA-256 is stored, so the table never holds anything that opens the list.
    """

    browser = models.CharField(_("browser (kenmerk)"), max_length=64, db_index=True)
    configuration = models.ForeignKey(
        Configuration, on_delete=models.CASCADE, related_name="listings"
    )
    name = models.CharField(_("naam"), max_length=120, blank=True)
    saved_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)

    class Meta:
        verbose_name = _("ontwerp in Mijn ontwerpen")
        verbose_name_plural = _("ontwerpen in Mijn ontwerpen")
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(fields=["browser", "configuration"], name="one_listing")
        ]

    def __str__(self) -> str:
        return self.name or str(self.configuration)


class StoredDocument(models.Model):
    """A rendered document, kept in the database so every web host can serve it.

    ``key`` is the digest of everything the document depends on (see
    :class:`keuzehulp.documents.cache.DocumentKey`), so a row is never updated once it is
    ready: a catalogue edit or an engine release asks for a new key. A download that finds
    the row pending says the document is being made; a background worker fills it in.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("wordt gemaakt")
        READY = "ready", _("klaar")
        FAILED = "failed", _("mislukt")

    key = models.CharField(_("sleutel"), max_length=64, primary_key=True)
    kind = models.CharField(_("soort"), max_length=8)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    content = models.BinaryField(_("inhoud"), default=b"")
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    rendered_at = models.DateTimeField(_("gemaakt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("gemaakt document")
        verbose_name_plural = _("gemaakte documenten")

    def __str__(self) -> str:
        return f"{self.kind} {self.key[:12]}"


class MeasurementReport(models.Model):
    """One revision of the test report (meetrapport) of a saved configuration.

    A draft holds the values typed on site; "Afronden" copies every row the report prints
    (what was measured, its limit and its source, the value and its verdict) into ``sheet``
    and is never edited again: a later change is the next revision, as a sent document is.
    """

    configuration = models.ForeignKey(
        Configuration, on_delete=models.CASCADE, related_name="measurement_reports"
    )
    revision = models.PositiveIntegerField(_("revisie"))
    values = models.JSONField(_("meetwaarden"), default=dict)
    sheet = models.JSONField(_("afgerond rapport"), default=dict)
    measured_by = models.CharField(_("gemeten door"), max_length=120, blank=True)
    measured_on = models.DateField(_("datum van de metingen"), null=True, blank=True)
    instrument_model = models.CharField(_("meetinstrument"), max_length=120, blank=True)
    instrument_serial = models.CharField(_("serienummer"), max_length=60, blank=True)
    backup_priorities = models.TextField(_("noodstroomprioriteiten"), blank=True)
    finalised_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("meetrapport")
        verbose_name_plural = _("meetrapporten")
        ordering = ["configuration", "-revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["configuration", "revision"], name="one_report_revision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.configuration} r{self.revision}"

    @property
    def is_final(self) -> bool:
        return self.finalised_at is not None


class SubmittedForm(models.Model):
    """A form page's one-time key, claimed by the first submit of that page.

    A page that makes something (a quote, a quote request and its e-mails) carries a random
    key; the submit that makes the thing records the key and what it made in the same
    transaction. A second submit of the page (a double click, a reload that posts again)
    cannot record the key again, also when it arrives while the first is still at work: the
    unique index makes it wait for the first and then find what that one made.
    """

    # What the page makes ("quote", "quote-request"): a key posted to another page than the
    # one that gave it finds nothing there, so it never reads another kind's result.
    kind = models.CharField(_("soort"), max_length=20)
    key = models.CharField(_("sleutel"), max_length=32)
    made = models.CharField(_("gemaakt"), max_length=64)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("verstuurd formulier")
        verbose_name_plural = _("verstuurde formulieren")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="submitted_form_once_per_page")
        ]

    def __str__(self) -> str:
        return self.key
