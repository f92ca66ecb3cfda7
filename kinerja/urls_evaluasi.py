"""Evaluation: realisation, evidence, rating, curve, objections, inbox, follow-up."""

from django.urls import path

from .views import evaluasi, inbox, keberatan, kurva, progres, tindak_lanjut

urlpatterns: list = [
    path("kotak-masuk/", inbox.inbox, name="inbox"),
    # Periodic evaluation
    path("evaluasi/", evaluasi.evaluasi_saya, name="evaluasi_saya"),
    path("evaluasi/jendela/<int:pk>/mulai/", evaluasi.evaluasi_mulai, name="evaluasi_mulai"),
    path("evaluasi/<int:pk>/", evaluasi.evaluasi_detail, name="evaluasi_detail"),
    path("evaluasi/<int:pk>/realisasi/", evaluasi.evaluasi_realisasi, name="evaluasi_realisasi"),
    path("evaluasi/<int:pk>/bukti/", evaluasi.evaluasi_bukti_tambah, name="evaluasi_bukti_tambah"),
    path("evaluasi/<int:pk>/ajukan/", evaluasi.evaluasi_ajukan, name="evaluasi_ajukan"),
    path("evaluasi/<int:pk>/nilai/", evaluasi.evaluasi_nilai, name="evaluasi_nilai"),
    path("evaluasi/<int:pk>/kembalikan/", evaluasi.evaluasi_kembalikan, name="evaluasi_kembalikan"),
    path("evaluasi/<int:pk>/buka-kembali/", evaluasi.evaluasi_buka_kembali,
         name="evaluasi_buka_kembali"),
    path("evaluasi/<int:pk>/keberatan/", keberatan.keberatan_ajukan, name="keberatan_ajukan"),
    path("evaluasi/<int:pk>/pembinaan/", tindak_lanjut.pembinaan_create, name="pembinaan_create"),
    path("bukti/<int:pk>/", evaluasi.bukti_unduh, name="bukti_unduh"),
    path("bukti/<int:pk>/hapus/", evaluasi.bukti_hapus, name="bukti_hapus"),
    # Annual evaluation
    path("skp/<int:pk>/evaluasi-tahunan/", evaluasi.evaluasi_tahunan_mulai,
         name="evaluasi_tahunan_mulai"),
    path("evaluasi-tahunan/<int:pk>/", evaluasi.evaluasi_tahunan_detail,
         name="evaluasi_tahunan_detail"),
    path("evaluasi-tahunan/<int:pk>/ajukan/", evaluasi.tahunan_ajukan,
         name="evaluasi_tahunan_ajukan"),
    path("evaluasi-tahunan/<int:pk>/buka-kembali/", evaluasi.tahunan_buka_kembali,
         name="evaluasi_tahunan_buka_kembali"),
    # Objections, curve, HR, follow-up
    path("keberatan/<int:pk>/", keberatan.keberatan_detail, name="keberatan_detail"),
    path("kurva/", kurva.kurva_unit, name="kurva_unit"),
    path("progres/", progres.progres, name="progres"),
    path("tindak-lanjut/", tindak_lanjut.tindak_lanjut, name="tindak_lanjut"),
]  # fmt: skip
