"""The status machines of the evaluation (DOMAIN.md section 2, "Status flows").

Periodic evaluation (EvaluasiPeriodik) and annual evaluation (EvaluasiTahunan):

    belum_diisi ──ajukan (pegawai)──> realisasi_diajukan ──nilai (pejabat penilai)──> dinilai
         ^                                   │                                         │
         └──────kembalikan (penilai, catatan)┘                 finalisasi unit (kurva) v
         └──────────────buka_kembali (HR, alasan) <──────── realisasi_diajukan/dinilai/final

- `nilai` computes the predikat from the two ratings with `rules.predikat_dari_rating`
  (never typed; the database re-checks it with a constraint generated from the same matrix).
- `final` is reached only through `services.kurva.kurva_finalisasi`, which locks the unit's
  evaluations and checks the distribution curve first.
- `buka_kembali` (administrative reopening by HR of the wilayah) clears the ratings and the
  predikat: the employee resubmits and the pejabat penilai rates again.

Objection (Keberatan): diajukan ──putuskan (atasan pejabat penilai)──> diterima / ditolak.

Who is who (stored on the SKP, so a later transfer does not change who decides):
pegawai = `SKP.pegawai`; pejabat penilai = `SKP.pejabat_penilai` (HR of the wilayah when the
SKP has none: the top JPT); atasan pejabat penilai = `SKP.atasan_pejabat_penilai` (HR when
none). Every step locks the row (`asn_kinerja.workflow.jalankan`), checks the state and the actor, refuses in
a closed period (`services.periode.pastikan_terbuka`) and writes exactly one TransisiStatus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asn_kinerja import workflow
from asn_kinerja.notifikasi import notifikasi_kirim
from asn_kinerja.waktu import hari_ini
from asn_kinerja.workflow import Transisi, jalankan
from kinerja.models import SKP, EvaluasiPeriodik, EvaluasiTahunan
from kinerja.rules import predikat_dari_rating
from kinerja.services.periode import pastikan_terbuka
from kinerja.workflow.skp import is_hr_wilayah, is_pemilik, is_penilai

if TYPE_CHECKING:
    from organisasi.models import Pengguna

# --- Who is who ----------------------------------------------------------------------------


def is_atasan_penilai(actor: Pengguna, skp: SKP) -> bool:
    """The stored atasan pejabat penilai; for an SKP without one, the wilayah's HR."""
    if skp.atasan_pejabat_penilai_id is None:
        return is_hr_wilayah(actor, skp)
    return bool(actor.is_authenticated and skp.atasan_pejabat_penilai.pengguna_id == actor.pk)


S = EvaluasiPeriodik.Status
Evaluasi = EvaluasiPeriodik | EvaluasiTahunan


def _pemilik(actor: Pengguna, ev: Evaluasi) -> bool:
    return is_pemilik(actor, ev.skp)


def _penilai(actor: Pengguna, ev: Evaluasi) -> bool:
    return is_penilai(actor, ev.skp)


def _hr(actor: Pengguna, ev: Evaluasi) -> bool:
    return is_hr_wilayah(actor, ev.skp)


_MENILAI = gettext_lazy("Hanya pejabat penilai SKP ini yang dapat menilai.")

# Who runs each step is declared with it (services through `jalankan`, buttons through
# `aksi_tersedia`). FINAL has no `boleh`: it runs only set-based, through
# `services.kurva.kurva_finalisasi`, which checks the unit head once for the whole unit.
AJUKAN = Transisi(
    "ajukan",
    frozenset({S.BELUM_DIISI}),
    S.REALISASI_DIAJUKAN,
    gettext_lazy("Ajukan realisasi"),
    boleh=_pemilik,
    pesan_tolak=gettext_lazy("Hanya pegawai pemilik SKP yang dapat mengajukan realisasi."),
)
NILAI = Transisi(
    "nilai",
    frozenset({S.REALISASI_DIAJUKAN}),
    S.DINILAI,
    gettext_lazy("Menilai"),
    boleh=_penilai,
    pesan_tolak=_MENILAI,
)
#: Re-rating a `dinilai` evaluation (e.g. to bring the unit within its curve): an in-place
#: step, logged with the old and new predikat in its note.
UBAH_NILAI = Transisi(
    "ubah_nilai",
    frozenset({S.DINILAI}),
    S.DINILAI,
    gettext_lazy("Ubah penilaian"),
    boleh=_penilai,
    pesan_tolak=_MENILAI,
    tetap=True,
)
KEMBALIKAN = Transisi(
    "kembalikan",
    frozenset({S.REALISASI_DIAJUKAN}),
    S.BELUM_DIISI,
    gettext_lazy("Kembalikan realisasi"),
    catatan_wajib=True,
    boleh=_penilai,
    pesan_tolak=_MENILAI,
)
FINAL = Transisi("final", frozenset({S.DINILAI}), S.FINAL, gettext_lazy("Finalisasi"))
BUKA_KEMBALI = Transisi(
    "buka_kembali", frozenset({S.REALISASI_DIAJUKAN, S.DINILAI, S.FINAL}), S.BELUM_DIISI,
    gettext_lazy("Buka kembali"), catatan_wajib=True, boleh=_hr,
    pesan_tolak=gettext_lazy("Hanya admin kepegawaian yang dapat membuka kembali evaluasi."),
)  # fmt: skip

TRANSISI = {t.nama: t for t in (AJUKAN, NILAI, UBAH_NILAI, KEMBALIKAN, FINAL, BUKA_KEMBALI)}


def _relasi(model: type[Evaluasi]) -> list[str]:
    rel = ["skp__pegawai__pengguna", "skp__pejabat_penilai", "skp__atasan_pejabat_penilai"]
    rel.append("skp__periode_kinerja")
    if model is EvaluasiPeriodik:
        rel.append("periode_penilaian__periode_kinerja")
    return rel


def _muat(model: type[Evaluasi], pk: int) -> Evaluasi:
    return model.objects.select_related(*_relasi(model)).get(pk=pk)


def _pastikan_terbuka(ev: Evaluasi) -> None:
    if isinstance(ev, EvaluasiPeriodik):
        pastikan_terbuka(ev.periode_penilaian)
    else:
        pastikan_terbuka(ev.skp.periode_kinerja)


def _nama_periode(ev: Evaluasi) -> str:
    if isinstance(ev, EvaluasiPeriodik):
        return str(ev.periode_penilaian.nama)
    return _("tahun %(tahun)s") % {"tahun": ev.skp.periode_kinerja.tahun}


def _kabari(penerima: Any, judul: str, ev: Evaluasi, pesan: str = "") -> None:
    if penerima is not None:
        notifikasi_kirim(penerima=penerima, judul=judul, pesan=pesan, tautan=ev.get_absolute_url())


def _kabari_penilai(ev: Evaluasi, judul: str, pesan: str = "") -> None:
    if ev.skp.pejabat_penilai_id:
        _kabari(ev.skp.pejabat_penilai, judul, ev, pesan)


# --- Rating helpers ------------------------------------------------------------------------


def hitung_predikat(rating_hasil: str, rating_perilaku: str) -> str:
    """The matrix's predikat, or a ValidationError the form can show."""
    try:
        return predikat_dari_rating(rating_hasil, rating_perilaku).value
    except (ValueError, KeyError) as e:
        raise ValidationError(
            _("Pilih rating hasil kerja dan rating perilaku kerja."), code="rating_wajib"
        ) from e


def _pasang_nilai(obj: Evaluasi, penilai_pegawai: Any, rating_hasil: str, rating_perilaku: str,
                  catatan: str) -> None:  # fmt: skip
    obj.rating_hasil = rating_hasil
    obj.rating_perilaku = rating_perilaku
    obj.predikat = hitung_predikat(rating_hasil, rating_perilaku)
    obj.catatan_penilai = (catatan or "").strip()
    obj.dinilai_oleh = penilai_pegawai
    obj.dinilai_pada = timezone.now()


# --- The steps (periodic and annual share them) -----------------------------------------


def evaluasi_ajukan(*, evaluasi: Evaluasi, oleh: Any) -> Evaluasi:
    """Employee: belum_diisi -> realisasi_diajukan. The window must have started; a periodic
    evaluation needs the realisation of every indicator (a number or a narrative)."""
    model = type(evaluasi)

    def izin(obj: Evaluasi) -> None:
        _pastikan_terbuka(obj)
        if isinstance(obj, EvaluasiPeriodik):
            if obj.periode_penilaian.tanggal_mulai > hari_ini():
                raise ValidationError(_("Periode penilaian ini belum dimulai."))
            from kinerja.selectors.evaluasi import indikator_belum_diisi

            kosong = indikator_belum_diisi(evaluasi=obj)
            if kosong:
                raise ValidationError(
                    _("Isi realisasi semua indikator terlebih dahulu: %(daftar)s.")
                    % {"daftar": "; ".join(kosong)},
                    code="realisasi_kosong",
                )

    def ubah(obj: Evaluasi) -> None:
        obj.diajukan_pada = timezone.now()

    obj = _muat(model, jalankan(model, evaluasi.pk, AJUKAN, oleh=oleh, izin=izin, ubah=ubah).pk)
    _kabari_penilai(
        obj,
        _("Realisasi %(nama)s (%(periode)s) menunggu penilaian")
        % {"nama": obj.skp.pegawai.nama, "periode": _nama_periode(obj)},
        _("Periksa realisasi dan bukti dukung, beri umpan balik, lalu tetapkan rating."),
    )
    return obj


def _izin_penilai(oleh: Any):
    """The step's precondition besides the role (declared on the transition): an open
    window."""

    def izin(obj: Evaluasi) -> None:
        _pastikan_terbuka(obj)

    return izin


def _pegawai_dari(oleh: Any) -> Any:
    from pegawai.selectors import pegawai_dari_pengguna

    return pegawai_dari_pengguna(oleh)


def evaluasi_nilai(
    *,
    evaluasi: Evaluasi,
    oleh: Any,
    rating_hasil: str,
    rating_perilaku: str,
    catatan: str = "",
) -> Evaluasi:
    """Pejabat penilai: realisasi_diajukan -> dinilai, with the two ratings; the predikat
    comes from the matrix. A second click (two tabs) finds the status changed and gets a
    clear error."""
    model = type(evaluasi)
    predikat = hitung_predikat(rating_hasil, rating_perilaku)
    penilai = _pegawai_dari(oleh)

    def ubah(obj: Evaluasi) -> None:
        _pasang_nilai(obj, penilai, rating_hasil, rating_perilaku, catatan)

    obj = jalankan(
        model, evaluasi.pk, NILAI, oleh=oleh, izin=_izin_penilai(oleh), ubah=ubah,
        catatan=_("Predikat: %(p)s") % {"p": EvaluasiPeriodik.Predikat(predikat).label},
    )  # fmt: skip
    obj = _muat(model, obj.pk)
    _kabari(
        obj.skp.pegawai,
        _("Evaluasi %(periode)s Anda sudah dinilai: %(predikat)s")
        % {"periode": _nama_periode(obj), "predikat": obj.get_predikat_display()},
        obj,
        obj.catatan_penilai,
    )
    return obj


def evaluasi_ubah_nilai(
    *,
    evaluasi: Evaluasi,
    oleh: Any,
    rating_hasil: str,
    rating_perilaku: str,
    catatan: str = "",
) -> Evaluasi:
    """Pejabat penilai changes the ratings of an evaluation still `dinilai` (not final), e.g.
    to bring the unit's distribution within its curve. An in-place step of the engine
    (`UBAH_NILAI`): locked, checked, logged once with the old and new predikat, and the
    employee is notified. The row's history (simple_history) keeps the previous ratings."""
    model = type(evaluasi)
    baru = hitung_predikat(rating_hasil, rating_perilaku)
    penilai = _pegawai_dari(oleh)
    lama: dict[str, Any] = {}

    def ubah(obj: Evaluasi) -> None:
        lama["predikat"] = obj.get_predikat_display()
        _pasang_nilai(obj, penilai, rating_hasil, rating_perilaku, catatan)

    label = EvaluasiPeriodik.Predikat(baru).label
    obj = jalankan(
        model, evaluasi.pk, UBAH_NILAI, oleh=oleh, izin=_izin_penilai(oleh), ubah=ubah,
        catatan=_("Penilaian diubah; predikat: %(p)s") % {"p": label},
        relasi=_relasi(model),
    )  # fmt: skip
    if lama.get("predikat") != obj.get_predikat_display():
        _kabari(
            obj.skp.pegawai,
            _("Penilaian %(periode)s Anda diubah: %(lama)s \u2192 %(baru)s")
            % {"periode": _nama_periode(obj), "lama": lama.get("predikat"), "baru": label},
            obj,
            obj.catatan_penilai,
        )
    return obj


def evaluasi_kembalikan(*, evaluasi: Evaluasi, oleh: Any, catatan: str) -> Evaluasi:
    """Pejabat penilai: realisasi_diajukan -> belum_diisi, with a required note."""
    model = type(evaluasi)
    obj = jalankan(model, evaluasi.pk, KEMBALIKAN, oleh=oleh, catatan=catatan,
                   izin=_izin_penilai(oleh))  # fmt: skip
    obj = _muat(model, obj.pk)
    _kabari(
        obj.skp.pegawai,
        _("Realisasi %(periode)s dikembalikan untuk diperbaiki") % {"periode": _nama_periode(obj)},
        obj,
        catatan,
    )
    return obj


def evaluasi_buka_kembali(*, evaluasi: Evaluasi, oleh: Any, alasan: str) -> Evaluasi:
    """HR of the wilayah: administrative reopening with a required reason. Clears the
    ratings and the predikat; the employee resubmits and the pejabat penilai rates again."""
    model = type(evaluasi)

    def izin(obj: Evaluasi) -> None:
        if not is_hr_wilayah(oleh, obj.skp):
            raise PermissionDenied(
                _("Hanya admin kepegawaian yang dapat membuka kembali evaluasi.")
            )
        _pastikan_terbuka(obj)

    def ubah(obj: Evaluasi) -> None:
        obj.rating_hasil = obj.rating_perilaku = obj.predikat = None
        obj.dinilai_oleh = None
        obj.dinilai_pada = obj.final_pada = obj.diajukan_pada = None

    obj = _muat(model, jalankan(model, evaluasi.pk, BUKA_KEMBALI, oleh=oleh, catatan=alasan,
                                izin=izin, ubah=ubah).pk)  # fmt: skip
    judul = _("Evaluasi %(periode)s %(nama)s dibuka kembali oleh admin kepegawaian") % {
        "periode": _nama_periode(obj),
        "nama": obj.skp.pegawai.nama,
    }
    _kabari(obj.skp.pegawai, judul, obj, alasan)
    _kabari_penilai(obj, judul, alasan)
    return obj


def aksi_tersedia(actor: Pengguna, ev: Evaluasi) -> set[str]:
    """Names of the steps `actor` may try on `ev` now (for buttons; services ask the same
    declarations again). `isi` (filling in the realisation) goes with `ajukan`."""
    periode = ev.periode_penilaian if isinstance(ev, EvaluasiPeriodik) else None
    if ev.skp.periode_kinerja.status != "buka" or (periode and periode.status != "buka"):
        return set()
    hasil = workflow.aksi_tersedia(actor, ev, (t for t in TRANSISI.values() if t is not FINAL))
    if "ajukan" in hasil:
        hasil.add("isi")
    return hasil
