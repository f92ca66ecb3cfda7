"""The transition engine shared by every status machine of every app (moved here from
`kinerja.workflow.base` in issue 16, so pegawai can use it too).

Every status change goes through `jalankan()` (or `catat_transisi()` for a creation or a
set-based step), which writes exactly one `TransisiStatus` row and then sends the signal
`status_berubah` once the transaction commits. The engine imports nothing above the ground
floor: apps that cache something per actor (kinerja's inbox badge) connect to the signal.

Permission: a `Transisi` declares who may run it (`boleh(actor, obj) -> bool`, with the
message `pesan_tolak`). `jalankan()` refuses with PermissionDenied when it says no, and pages
ask the same declaration through `Transisi.bisa(actor, obj)` (or `aksi_tersedia`) to decide
which buttons to show, so a button and its service never disagree.

Set-based steps (a unit's finalisation) use `jalankan_massal()`: rows locked by the caller,
one bulk UPDATE, one bulk INSERT of log rows, the signal once per row after commit.

In-place steps (`tetap=True`, e.g. re-rating a `dinilai` evaluation): the status stays, the
step is still locked, permission-checked and logged once (dari == ke, with the note saying
what changed).

Concurrency: `jalankan()` locks the row (`SELECT ... FOR UPDATE`) and re-reads its status
inside the transaction, so two clicks at once (two tabs, two approvers) give exactly one
transition; the second caller gets a ValidationError saying the status already changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _

from asn_kinerja.models import TransisiStatus

if TYPE_CHECKING:
    # The ground floor does not import organisasi (not even for typing: the layers contract
    # counts it); the actor is a Pengguna, typed here as Django's base user.
    from django.contrib.auth.base_user import AbstractBaseUser as Pengguna

M = TypeVar("M", bound=models.Model)

#: Sent after the commit of every logged status change, with `sender` = the model class and
#: keyword arguments `obj`, `dari`, `ke`, `oleh` (the actor, possibly None/anonymous).
status_berubah = Signal()


@dataclass(frozen=True)
class Transisi:
    """One allowed step: from any of `dari` to `ke`, run by whom `boleh` admits."""

    nama: str
    dari: frozenset[str]
    ke: str
    label: str
    catatan_wajib: bool = False
    #: Who may run it: `boleh(actor, obj)`; None means the caller checks (set-based steps).
    boleh: Callable[[Any, Any], bool] | None = None
    #: The PermissionDenied message when `boleh` says no.
    pesan_tolak: str = ""
    #: An in-place step: the status stays (`ke` is one of `dari`), the step is still logged.
    tetap: bool = False

    def __post_init__(self) -> None:
        if (self.ke in self.dari) != self.tetap:
            raise ValueError(f"Transisi {self.nama}: ke in dari only for tetap=True")

    def diizinkan(self, actor: Pengguna, obj: Any) -> bool:
        """Whether `actor` may run this step on `obj` (the role question only)."""
        return self.boleh is None or bool(self.boleh(actor, obj))

    def bisa(self, actor: Pengguna, obj: Any, *, field_status: str = "status") -> bool:
        """Whether the button for this step is shown: right status and the actor allowed."""
        return getattr(obj, field_status) in self.dari and self.diizinkan(actor, obj)


def aksi_tersedia(actor: Pengguna, obj: Any, transisi: Iterable[Transisi]) -> set[str]:
    """Names of the steps of `transisi` that `actor` may run on `obj` now."""
    return {t.nama for t in transisi if t.bisa(actor, obj)}


def pastikan_boleh(transisi: Transisi, actor: Pengguna, obj: Any) -> None:
    """Raises PermissionDenied (with the declared message) unless `actor` may run it."""
    if not transisi.diizinkan(actor, obj):
        raise PermissionDenied(
            transisi.pesan_tolak
            or _("Anda tidak berwenang untuk %(aksi)s.") % {"aksi": transisi.label.lower()}
        )


def wilayah_id_dari(obj: models.Model) -> int:
    """The wilayah of any region-owned object, through its queryset's scoping lookup."""
    if getattr(obj, "wilayah_id", None):
        return obj.wilayah_id
    lookup = type(obj)._default_manager.get_queryset().wilayah_lookup
    return type(obj)._default_manager.filter(pk=obj.pk).values_list(lookup, flat=True).get()


def catat_transisi(
    obj: models.Model, *, dari: str, ke: str, oleh: Pengguna | None, catatan: str = ""
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
    oleh: Pengguna | None,
    catatan: str = "",
    izin: Callable[[M], None] | None = None,
    ubah: Callable[[M], None] | None = None,
    field_status: str = "status",
    relasi: Iterable[str] = (),
) -> M:
    """Runs `transisi` on row `pk` of `model`:
    lock -> check state -> `transisi.boleh` (PermissionDenied) -> `izin(obj)` (the step's
    other preconditions: an open period, a complete SKP...) -> required note -> set status
    -> `ubah(obj)` (other fields) -> full_clean -> save -> log. `relasi`: relations to load
    with the locked row (only the row itself is locked), for checks that read them."""
    catatan = (catatan or "").strip()
    with transaction.atomic():
        qs = model._default_manager.all()
        if relasi:
            qs = qs.select_related(*relasi).select_for_update(of=("self",))
        else:
            qs = qs.select_for_update()
        obj = qs.get(pk=pk)
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
        pastikan_boleh(transisi, oleh, obj)
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


def jalankan_massal(
    objs: list[M],
    transisi: Transisi,
    *,
    oleh: Pengguna | None,
    catatan: str = "",
    ubah: Callable[[M], None] | None = None,
    fields: Iterable[str] = (),
    field_status: str = "status",
    wilayah_id: int | None = None,
) -> list[M]:
    """The set-based variant of `jalankan` for rows the caller has ALREADY locked with one
    `select_for_update()` in the current transaction (e.g. a unit's evaluations at
    finalisation). Steps the rows in `transisi.dari` (others are left as they are), runs
    `ubah(obj)` on each, writes them with one bulk UPDATE (with their history rows when the
    model keeps history) and one bulk INSERT of log rows, and sends `status_berubah` per row
    after the commit. Permission is the caller's (it is decided once for the whole set).
    `wilayah_id`: the rows' wilayah when the caller knows it (saves a query per row).
    Returns the rows that changed."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("jalankan_massal() needs the caller's transaction and row locks")
    siap = [o for o in objs if getattr(o, field_status) in transisi.dari]
    if not siap:
        return []
    model = type(siap[0])
    dari = {o.pk: getattr(o, field_status) for o in siap}
    for o in siap:
        setattr(o, field_status, transisi.ke)
        if ubah is not None:
            ubah(o)
    kolom = list(dict.fromkeys([field_status, *fields]))
    if hasattr(model, "history"):
        from simple_history.utils import bulk_update_with_history

        bulk_update_with_history(siap, model, kolom)
    else:
        model._default_manager.bulk_update(siap, kolom)
    ct = ContentType.objects.get_for_model(model)
    aktor = oleh if getattr(oleh, "is_authenticated", False) else None
    TransisiStatus.objects.bulk_create(
        [
            TransisiStatus(
                content_type=ct,
                object_id=o.pk,
                wilayah_id=wilayah_id or wilayah_id_dari(o),
                dari=dari[o.pk] or "",
                ke=transisi.ke,
                oleh=aktor,
                catatan=catatan or "",
            )
            for o in siap
        ]
    )

    def kirim() -> None:
        for o in siap:
            status_berubah.send(sender=model, obj=o, dari=dari[o.pk], ke=transisi.ke, oleh=oleh)

    transaction.on_commit(kirim)
    return siap
