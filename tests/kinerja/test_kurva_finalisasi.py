"""Finalising a unit's window through the service: each curve rule with a passing and a
failing distribution (incl. small units), the unit predikat's setter, and concurrency."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from asn_kinerja.models import TransisiStatus
from kinerja.models import EvaluasiPeriodik
from kinerja.services.kurva import kurva_finalisasi, predikat_unit_tetapkan
from tests.kinerja.factories_evaluasi import evaluasi, organisasi_dinilai, predikat_unit

# (unit predikat, predikat of the members, ok?) ; the kabid's group grows as needed.
KASUS = [
    ("istimewa", ["sangat_baik", "sangat_baik", "baik"], True),
    ("istimewa", ["sangat_baik", "sangat_baik", "sangat_baik"], True),  # 70% of 3 rounds up to 3
    ("istimewa!", ["sangat_baik", "sangat_baik", "sangat_baik"], False),  # strict rounding: 2
    ("baik", ["baik", "baik", "butuh_perbaikan"], True),
    ("baik", ["baik", "baik", "baik"], False),
    ("baik", ["sangat_baik", "baik", "kurang"], True),
    ("butuh_perbaikan", ["butuh_perbaikan", "butuh_perbaikan", "baik"], True),
    ("butuh_perbaikan", ["butuh_perbaikan", "baik", "baik"], True),  # 60% of 3 rounds down to 1
    ("butuh_perbaikan", ["sangat_baik", "baik", "baik"], False),
    ("kurang", ["kurang", "kurang", "butuh_perbaikan"], True),
    ("kurang", ["kurang", "baik", "baik"], True),  # 60% of 3 -> 1, 10% -> 0
    ("kurang", ["butuh_perbaikan", "baik", "baik"], False),
    ("sangat_kurang", ["sangat_kurang", "sangat_kurang", "kurang"], True),
    ("sangat_kurang", ["sangat_kurang", "sangat_kurang", "sangat_baik"], False),
    # small units (rounded in the employee's favour)
    ("baik", ["baik"], True),
    ("baik!", ["baik", "baik"], False),  # strict: 70% of 2 -> 1, and one BP needed
    ("butuh_perbaikan", ["baik"], True),
    ("istimewa", ["sangat_baik"], True),
    ("sangat_kurang", ["sangat_baik"], False),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("pu", "sebaran", "ok"), KASUS)
def test_kurva_per_aturan(org_a, pu, sebaran, ok):
    r = organisasi_dinilai(org_a)
    if pu.endswith("!"):
        pu = pu[:-1]
        type(r["periode"]).objects.filter(pk=r["periode"].pk).update(aturan_pembulatan_kecil=False)
        r["periode"].refresh_from_db()
    skps = [r["staf"], r["staf2"], r["kasi"]]
    if len(sebaran) < 3:
        # a smaller group: only staf is rated by the kabid in this case
        for s in skps[len(sebaran) :]:
            type(s).objects.filter(pk=s.pk).update(status="draf", disetujui_pada=None)
    evs = [evaluasi(s, status="dinilai", predikat=p) for s, p in zip(skps, sebaran, strict=False)]
    predikat_unit(org_a.bidang, r["periode"], 1, pu)
    jendela = evs[0].periode_penilaian
    if ok:
        assert kurva_finalisasi(actor=org_a.user_kabid, unit=org_a.bidang, periode_kinerja=r["periode"],
                                periode_penilaian=jendela) == len(sebaran)  # fmt: skip
        assert set(
            EvaluasiPeriodik.objects.filter(pk__in=[e.pk for e in evs]).values_list(
                "status", flat=True
            )
        ) == {"final"}
        assert TransisiStatus.objects.filter(ke="final").count() == len(sebaran)
    else:
        with pytest.raises(ValidationError) as e:
            kurva_finalisasi(actor=org_a.user_kabid, unit=org_a.bidang, periode_kinerja=r["periode"],
                             periode_penilaian=jendela)  # fmt: skip
        assert e.value.messages  # which predikat must move
        assert not EvaluasiPeriodik.objects.filter(status="final").exists()


@pytest.mark.django_db
def test_finalisasi_ditolak_bila_ada_yang_belum_dinilai_atau_tanpa_predikat_unit(org_a):
    r = organisasi_dinilai(org_a)
    evs = [evaluasi(r["staf"], status="dinilai", predikat="baik"),
           evaluasi(r["staf2"], status="dinilai", predikat="butuh_perbaikan")]  # fmt: skip
    jendela = evs[0].periode_penilaian
    with pytest.raises(ValidationError, match="Predikat unit belum"):
        kurva_finalisasi(
            actor=org_a.user_kabid,
            unit=org_a.bidang,
            periode_kinerja=r["periode"],
            periode_penilaian=jendela,
        )
    predikat_unit(org_a.bidang, r["periode"], 1, "baik")
    with pytest.raises(ValidationError, match="belum dinilai"):  # kasi has no rated evaluation
        kurva_finalisasi(
            actor=org_a.user_kabid,
            unit=org_a.bidang,
            periode_kinerja=r["periode"],
            periode_penilaian=jendela,
        )
    with pytest.raises(PermissionDenied):
        kurva_finalisasi(
            actor=org_a.user_kasi,
            unit=org_a.bidang,
            periode_kinerja=r["periode"],
            periode_penilaian=jendela,
        )


@pytest.mark.django_db
def test_predikat_unit_oleh_pimpinan_satu_tingkat_di_atas(org_a):
    r = organisasi_dinilai(org_a)
    jendela = r["periode"].periode_penilaian.get(nomor=1)
    with pytest.raises(PermissionDenied):  # the head of the unit itself
        predikat_unit_tetapkan(actor=org_a.user_kabid, unit=org_a.bidang, periode_kinerja=r["periode"],
                               periode_penilaian=jendela, predikat="baik")  # fmt: skip
    pu = predikat_unit_tetapkan(actor=org_a.user_sekda, unit=org_a.bidang, periode_kinerja=r["periode"],
                                periode_penilaian=jendela, predikat="istimewa")  # fmt: skip
    assert pu.predikat == "istimewa"
    with pytest.raises(ValidationError):
        predikat_unit_tetapkan(actor=org_a.user_sekda, unit=org_a.bidang, periode_kinerja=r["periode"],
                               periode_penilaian=jendela, predikat="luar_biasa")  # fmt: skip
    # a top unit: HR of the wilayah
    predikat_unit_tetapkan(actor=org_a.user_hr, unit=org_a.root, periode_kinerja=r["periode"],
                           periode_penilaian=jendela, predikat="baik")  # fmt: skip


def _paralel(fns):
    hasil = []

    def jalan(fn):
        try:
            hasil.append(("ok", fn()))
        except (ValidationError, PermissionDenied) as e:
            hasil.append(("error", " ".join(getattr(e, "messages", [str(e)]))))
        finally:
            connection.close()

    threads = [threading.Thread(target=jalan, args=(fn,)) for fn in fns]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return hasil


@pytest.mark.django_db(transaction=True)
def test_dua_finalisasi_bersamaan_satu_menang(org_a):
    r = organisasi_dinilai(org_a)
    for s, p in zip(
        [r["staf"], r["staf2"], r["kasi"]], ["baik", "baik", "butuh_perbaikan"], strict=False
    ):
        evaluasi(s, status="dinilai", predikat=p)
    predikat_unit(org_a.bidang, r["periode"], 1, "baik")
    jendela = r["periode"].periode_penilaian.get(nomor=1)

    def fin():
        return kurva_finalisasi(actor=org_a.user_kabid, unit=org_a.bidang, periode_kinerja=r["periode"],
                                periode_penilaian=jendela)  # fmt: skip

    hasil = _paralel([fin, fin])
    assert sorted(h[0] for h in hasil) == ["error", "ok"]
    assert "Muat ulang" in next(h[1] for h in hasil if h[0] == "error")
    assert TransisiStatus.objects.filter(ke="final").count() == 3


@pytest.mark.django_db(transaction=True)
def test_dua_penilaian_bersamaan_satu_transisi(org_a):
    from kinerja.workflow.evaluasi import evaluasi_nilai

    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"], status="realisasi_diajukan", realisasi=True)

    def nilai(h):
        return lambda: evaluasi_nilai(
            evaluasi=ev, oleh=org_a.user_kabid, rating_hasil=h, rating_perilaku="sesuai"
        )

    hasil = _paralel([nilai("sesuai"), nilai("di_atas")])
    assert sorted(h[0] for h in hasil) == ["error", "ok"]
    assert "status saat ini" in next(h[1] for h in hasil if h[0] == "error")
    assert TransisiStatus.objects.untuk(ev).filter(ke="dinilai").count() == 1
