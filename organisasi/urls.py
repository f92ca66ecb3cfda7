from django.urls import path

from . import views

app_name = "organisasi"

urlpatterns = [
    # Org chart and units
    path("", views.UnitListView.as_view(), name="unit_list"),
    path("unit/tambah/", views.UnitCreateView.as_view(), name="unit_create"),
    path("unit/<int:pk>/", views.UnitDetailView.as_view(), name="unit_detail"),
    path("unit/<int:pk>/anak/", views.UnitChildrenView.as_view(), name="unit_children"),
    path("unit/<int:pk>/ubah/", views.UnitUpdateView.as_view(), name="unit_update"),
    path(
        "unit/<int:pk>/nonaktifkan/",
        views.UnitNonaktifkanView.as_view(),
        name="unit_deactivate",
    ),
    path("unit/<int:pk>/aktifkan/", views.UnitAktifkanView.as_view(), name="unit_activate"),
    # Positions and their workload analysis (ABK)
    path("jabatan/", views.JabatanListView.as_view(), name="jabatan_list"),
    path("jabatan/tambah/", views.JabatanCreateView.as_view(), name="jabatan_create"),
    path("jabatan/<int:pk>/", views.JabatanDetailView.as_view(), name="jabatan_detail"),
    path("jabatan/<int:pk>/ubah/", views.JabatanUpdateView.as_view(), name="jabatan_update"),
    path(
        "jabatan/<int:pk>/nonaktifkan/",
        views.JabatanNonaktifkanView.as_view(),
        name="jabatan_deactivate",
    ),
    path(
        "jabatan/<int:pk>/aktifkan/", views.JabatanAktifkanView.as_view(), name="jabatan_activate"
    ),
    path(
        "jabatan/<int:pk>/kompetensi/",
        views.KebutuhanKompetensiTambahView.as_view(),
        name="kebutuhankompetensi_create",
    ),
    path(
        "kompetensi-jabatan/<int:pk>/hapus/",
        views.KebutuhanKompetensiHapusView.as_view(),
        name="kebutuhankompetensi_delete",
    ),
    path(
        "jabatan/<int:pk>/tugas/tambah/",
        views.TugasCreateView.as_view(),
        name="tugasjabatan_create",
    ),
    path("tugas/<int:pk>/ubah/", views.TugasUpdateView.as_view(), name="tugasjabatan_update"),
    path("tugas/<int:pk>/hapus/", views.TugasHapusView.as_view(), name="tugasjabatan_delete"),
    # Workforce-needs report
    path("kebutuhan-pegawai/", views.KebutuhanListView.as_view(), name="kebutuhan_list"),
    path("kebutuhan-pegawai/ekspor/", views.KebutuhanEksporView.as_view(), name="kebutuhan_export"),
]
