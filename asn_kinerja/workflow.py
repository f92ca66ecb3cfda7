"""The transition engine shared by every status machine of every app (moved here from
`kinerja.workflow.base` in issue 16, so pegawai can use it too).

Every status change goes through `jalankan()` (or `catat_transisi()` for a creation or a
set-based step), which writes exactly one `TransisiStatus` row and then sends the signal
`status_berubah` once the transaction commits. The engine imports nothing above the ground
floor: apps that cache something per actor (kinerja's inbox badge) connect to the signal.

Concurrency: `jalankan()` locks the row (`SELECT ... FOR UPDATE`) and re-reads its status
inside the transaction, so two clicks at once (two tabs, two approvers) give exactly one
transition; the second caller gets a ValidationError saying the status already changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _

from asn_kinerja.models import TransisiStatus

M = TypeVar("M", bound=models.Model)

#: Sent after the commit of every logged status change, with `sender` = the model class and
#: keyword arguments `obj`, `dari`, `ke`, `oleh` (the actor, possibly None/anonymous).
status_berubah = Signal()


@dataclass(frozen=True)
class Transisi:
    """One allowed step: from any of `dari` to `ke`."""

    nama: str
    dari: frozenset[str]
    ke: str
    label: str
    catatan_wajib: bool = False


def wilayah_id_dari(obj: models.Model) -> int:
    """The wilayah of any region-owned object, through its queryset's scoping lookup."""
    if getattr(obj, "wilayah_id", None):
        return obj.wilayah_id
    lookup = type(obj)._default_manager.get_queryset().wilayah_lookup
    return type(obj)._default_manager.filter(pk=obj.pk).values_list(lookup, flat=True).get()


def catat_transisi(
    obj: models.Model, *, dari: str, ke: str, oleh: Any, catatan: str = ""
) -> TransisiStatus:
    # Receivers (e.g. the actor's navbar badge in kinerja) run only once the step commits.
    transaction.on_commit(
        lambda: status_berubah.send(sender=type(obj), obj=obj, dari=dari, ke=ke, oleh=oleh)
    )
    return TransisiStatus.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        wilayah_id=wilayah_id_dari(obj),
        dari=dari or "",
        ke=ke,
        oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
        catatan=catatan or "",
    )


def jalankan(
    model: type[M],
    pk: int,
    transisi: Transisi,
    *,
    oleh: Any,
    catatan: str = "",
    izin: Callable[[M], None] | None = None,
    ubah: Callable[[M], None] | None = None,
    field_status: str = "status",
) -> M:
    """Runs `transisi` on row `pk` of `model`:
    lock -> check state -> `izin(obj)` (raises PermissionDenied) -> required note ->
    set status -> `ubah(obj)` (other fields) -> full_clean -> save -> log."""
    catatan = (catatan or "").strip()
    with transaction.atomic():
        obj = model._default_manager.select_for_update().get(pk=pk)
        sekarang = getattr(obj, field_status)
        if sekarang not in transisi.dari:
            label = obj._meta.get_field(field_status).choices
            nama = dict(label).get(sekarang, sekarang) if label else sekarang
            raise ValidationError(
                _(
                    "Tidak dapat %(aksi)s: status saat ini sudah \u201c%(status)s\u201d. Muat ulang halaman."
                )
                % {"aksi": transisi.label.lower(), "status": nama},
                code="status_berubah",
            )
        if izin is not None:
            izin(obj)
        if transisi.catatan_wajib and not catatan:
            raise ValidationError(
                {
                    "catatan": _("Catatan wajib diisi untuk %(aksi)s.")
                    % {"aksi": transisi.label.lower()}
                },
                code="catatan_wajib",
            )
        setattr(obj, field_status, transisi.ke)
        if ubah is not None:
            ubah(obj)
        bersihkan(obj)
        obj.save()
        catat_transisi(obj, dari=sekarang, ke=transisi.ke, oleh=oleh, catatan=catatan)
    return obj


def bersihkan(obj: Any) -> None:
    """`full_clean()` for a row about to be saved by a workflow step: field validation and
    the model's `clean()`, without re-checking that its foreign keys exist and without
    evaluating its CHECK constraints in Python. Both are enforced by PostgreSQL in the
    UPDATE itself; Django checks them with one query each (and a savepoint per constraint):
    about 20 queries per transition, the bulk of a rating POST in the month-end rush."""
    fk = [f.name for f in obj._meta.concrete_fields if f.is_relation]
    obj.full_clean(exclude=fk, validate_constraints=False)
