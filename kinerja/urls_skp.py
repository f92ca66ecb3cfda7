"""Planning: periods, unit targets, SKP, cascade, daily log, feedback, notifications."""

from django.urls import path

from .views import log_harian, notifikasi, periode, skp, umpan_balik

urlpatterns: list = [
    # Performance years (HR) and unit targets (HR, unit heads)
    path("periode/", periode.PeriodeListView.as_view(), name="periode_list"),
    path("periode/buka/", periode.PeriodeBukaView.as_view(), name="periode_create"),
    path("periode/<int:pk>/", periode.PeriodeDetailView.as_view(), name="periode_detail"),
    path("periode/<int:pk>/tutup/", periode.periode_tutup, name="periode_tutup"),
    path("periode/<int:pk>/buka-kembali/", periode.periode_buka_kembali, name="periode_buka_kembali"),
    path("jendela/<int:pk>/tutup/", periode.periode_penilaian_tutup, name="periode_penilaian_tutup"),
    path("jendela/<int:pk>/buka-kembali/", periode.periode_penilaian_buka_kembali,
         name="periode_penilaian_buka_kembali"),
    path("periode/<int:pk>/target/tambah/", periode.TargetCreateView.as_view(), name="target_create"),
    path("target/<int:pk>/ubah/", periode.TargetUpdateView.as_view(), name="target_update"),
    path("target/<int:pk>/hapus/", periode.target_delete, name="target_delete"),
    # SKP
    path("skp/saya/", skp.SKPSayaView.as_view(), name="skp_saya"),
    path("skp/", skp.SKPListView.as_view(), name="skp_list"),
    path("skp/<int:pk>/", skp.skp_detail, name="skp_detail"),
    path("skp/<int:pk>/ubah/", skp.SKPUpdateView.as_view(), name="skp_update"),
    path("skp/<int:pk>/ekspektasi/", skp.EkspektasiUpdateView.as_view(), name="skp_ekspektasi"),
    path("skp/<int:pk>/umpan-balik/", skp.skp_umpan_balik_create, name="skp_umpan_balik"),
    path("skp/<int:pk>/ajukan/", skp.skp_ajukan, name="skp_ajukan"),
    path("skp/<int:pk>/setujui/", skp.skp_setujui, name="skp_setujui"),
    path("skp/<int:pk>/kembalikan/", skp.skp_kembalikan, name="skp_kembalikan"),
    path("skp/<int:pk>/ajukan-revisi/", skp.skp_ajukan_revisi, name="skp_ajukan_revisi"),
    path("skp/<int:pk>/terima-revisi/", skp.skp_terima_revisi, name="skp_terima_revisi"),
    path("skp/<int:pk>/tolak-revisi/", skp.skp_tolak_revisi, name="skp_tolak_revisi"),
    path("skp/<int:pk>/buka-kembali/", skp.skp_buka_kembali, name="skp_buka_kembali"),
    path("skp/<int:pk>/tautkan-ulang/", skp.skp_tautkan_ulang, name="skp_tautkan_ulang"),
    path("skp/<int:pk>/rhk/tambah/", skp.RHKCreateView.as_view(), name="rhk_create"),
    path("rhk/<int:pk>/ubah/", skp.RHKUpdateView.as_view(), name="rhk_update"),
    path("rhk/<int:pk>/hapus/", skp.rhk_delete, name="rhk_delete"),
    path("rhk/<int:pk>/indikator/tambah/", skp.IndikatorCreateView.as_view(), name="indikator_create"),
    path("indikator/<int:pk>/ubah/", skp.IndikatorUpdateView.as_view(), name="indikator_update"),
    path("indikator/<int:pk>/hapus/", skp.indikator_delete, name="indikator_delete"),
    path("kaskade/", skp.KaskadeView.as_view(), name="kaskade"),
    # Daily log
    path("log/", log_harian.LogListView.as_view(), name="log_list"),
    path("log/tambah/", log_harian.LogCreateView.as_view(), name="log_create"),
    path("log/<int:pk>/ubah/", log_harian.LogUpdateView.as_view(), name="log_update"),
    path("log/<int:pk>/hapus/", log_harian.log_delete, name="log_delete"),
    path("log/<int:pk>/verifikasi/", log_harian.log_verifikasi, name="log_verifikasi"),
    path("log/<int:pk>/kembalikan/", log_harian.log_kembalikan, name="log_kembalikan"),
    path("log/<int:pk>/bukti/", log_harian.log_bukti, name="log_bukti"),
    # Feedback and notifications
    path("umpan-balik/", umpan_balik.UmpanBalikListView.as_view(), name="umpan_balik_list"),
    path("umpan-balik/<int:pk>/baca/", umpan_balik.umpan_balik_baca, name="umpan_balik_baca"),
    path("notifikasi/", notifikasi.NotifikasiListView.as_view(), name="notifikasi_list"),
    path("notifikasi/<int:pk>/buka/", notifikasi.notifikasi_buka, name="notifikasi_buka"),
    path("notifikasi/baca-semua/", notifikasi.notifikasi_baca_semua_view, name="notifikasi_baca_semua"),
]  # fmt: skip
