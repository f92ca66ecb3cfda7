"""The API's viewsets. Thin: every queryset comes from the selectors the pages use (which
start from `visible_to`), so another wilayah's object is a 404; every write calls the
service the pages call, and its ValidationError / PermissionDenied become a 400 with field
errors / a 403 (`galat_layanan`)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.response import Response

from asn_kinerja.waktu import hari_ini
from kinerja.laporan.models import RekapPegawai
from kinerja.laporan.selectors import rekap_pegawai_list
from kinerja.models import SKP, EvaluasiPeriodik, LogHarian
from kinerja.selectors import evaluasi as sel_evaluasi
from kinerja.selectors import skp as sel_skp
from kinerja.selectors.log_harian import log_list, log_visible
from kinerja.services import evaluasi as svc_evaluasi
from kinerja.services import log_harian as svc_log
from kinerja.tpp import selectors as sel_tpp
from kinerja.tpp.models import BulanTPP, TPPPegawai
from organisasi.models import Jabatan, UnitKerja
from organisasi.selectors import jabatan_abk, unit_list
from pegawai.models import Pegawai
from pegawai.selectors import is_atasan, pegawai_daftar, pegawai_dari_pengguna

from . import filters, permissions, serializers

LINGKUP = OpenApiParameter(
    "lingkup", str, enum=["saya", "semua"],
    description="saya: milik sendiri; semua: semua yang boleh Anda lihat (bawaan untuk "
    "admin kepegawaian, pimpinan dan atasan).",
)  # fmt: skip


def galat_layanan(
    exc: DjangoValidationError, bidang: set[str] | None = None, kode: dict[str, str] | None = None
) -> ValidationError:
    """A service's ValidationError as the API's 400: errors naming a field of the input go
    under that field; an error without a field whose code is in `kode` under the field it
    names there; the rest under `non_field_errors`."""
    hasil: dict[str, list[str]] = {}
    if hasattr(exc, "error_dict"):
        for nama, pesan in exc.message_dict.items():
            kunci = nama if bidang is None or nama in bidang else "non_field_errors"
            hasil.setdefault(kunci, []).extend(pesan)
        return ValidationError(hasil)
    for e in exc.error_list:
        kunci = (kode or {}).get(e.code or "", "non_field_errors")
        hasil.setdefault(kunci, []).extend(e.messages)
    return ValidationError(hasil)


class _SkemaMixin:
    """While drf-spectacular builds the schema there is no user: an empty queryset of the
    model (`visible_to(None)` is empty) instead of asking the selectors."""

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.scoped_model.objects.visible_to(None)
        return self.queryset_aktor(self.request.user)


class _BacaViewSet(_SkemaMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_converter = "int"
    filter_backends = [filters.DjangoFilterBackend, OrderingFilter]


@extend_schema_view(
    list=extend_schema(summary="Daftar pegawai (seperti halaman daftar pegawai)"),
    retrieve=extend_schema(summary="Satu pegawai"),
)
class PegawaiViewSet(_BacaViewSet):
    """Employees: HR and pimpinan their wilayah, a section head the subtree, an employee
    only themself (`pegawai_list`); the list follows the list page's rule."""

    scoped_model = Pegawai
    serializer_class = serializers.PegawaiSerializer
    permission_classes = [*_BacaViewSet.permission_classes, permissions.BolehDaftarPegawai]
    filterset_class = filters.PegawaiFilter
    filter_backends = [filters.DjangoFilterBackend]  # ordering: the page's `o` filter

    def queryset_aktor(self, user):
        return pegawai_daftar(actor=user, tahun=hari_ini().year).order_by("nama", "pk")


@extend_schema_view(list=extend_schema(summary="Daftar unit kerja"))
class UnitKerjaViewSet(_BacaViewSet):
    scoped_model = UnitKerja
    serializer_class = serializers.UnitKerjaSerializer
    permission_classes = [*_BacaViewSet.permission_classes, permissions.BacaOrganisasi]
    filterset_class = filters.UnitKerjaFilter
    ordering_fields = ["nama", "kode", "path"]

    def queryset_aktor(self, user):
        return unit_list(actor=user).order_by("path")


@extend_schema_view(list=extend_schema(summary="Daftar jabatan"))
class JabatanViewSet(_BacaViewSet):
    scoped_model = Jabatan
    serializer_class = serializers.JabatanSerializer
    permission_classes = [*_BacaViewSet.permission_classes, permissions.BacaOrganisasi]
    filterset_class = filters.JabatanFilter
    ordering_fields = ["nama", "kelas_jabatan", "unit__path"]

    def queryset_aktor(self, user):
        return jabatan_abk(actor=user).order_by("unit__path", "nama", "pk")


class _LingkupMixin:
    def lingkup(self, request) -> str:
        nilai = request.query_params.get("lingkup", "")
        if nilai in ("saya", "semua"):
            return nilai
        u = request.user
        return "semua" if (sel_evaluasi.lihat_wilayah(u) or is_atasan(u)) else "saya"


@extend_schema_view(
    list=extend_schema(summary="Daftar SKP", parameters=[LINGKUP]),
    retrieve=extend_schema(summary="Satu SKP dengan RHK dan indikatornya"),
)
class SKPViewSet(_LingkupMixin, _BacaViewSet):
    """SKP the actor may open (`skp_visible`): own, those they evaluate, the subtree of a
    section head, the wilayah for HR and pimpinan."""

    scoped_model = SKP
    permission_classes = [*_BacaViewSet.permission_classes, permissions.BolehDaftarSKP]
    filterset_class = filters.SKPFilter
    ordering_fields = ["pegawai__nama", "status", "updated_at"]

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.SKPDetailSerializer
        return serializers.SKPSerializer

    def queryset_aktor(self, user):
        if self.action == "retrieve":
            return sel_skp.skp_detail_qs(actor=user)
        qs = sel_skp.skp_visible(actor=user).select_related(
            "pegawai", "pejabat_penilai", "periode_kinerja"
        )
        if self.lingkup(self.request) == "saya":
            saya = pegawai_dari_pengguna(user)
            qs = qs.filter(pegawai=saya) if saya else qs.none()
        return qs.order_by("-periode_kinerja__tahun", "pegawai__nama", "pk")


@extend_schema_view(
    list=extend_schema(summary="Daftar evaluasi periodik", parameters=[LINGKUP]),
    retrieve=extend_schema(summary="Satu evaluasi dengan indikator dan realisasinya"),
)
class EvaluasiViewSet(_LingkupMixin, _BacaViewSet):
    """Periodic evaluations the actor may open (`evaluasi_visible`); the employee writes the
    realisation of their own open evaluation (`realisasi_simpan`)."""

    scoped_model = EvaluasiPeriodik
    permission_classes = [*_BacaViewSet.permission_classes, permissions.BolehDaftarSKP]
    filterset_class = filters.EvaluasiFilter
    ordering_fields = ["periode_penilaian__tanggal_mulai", "status", "skp__pegawai__nama"]

    def get_serializer_class(self):
        if self.action == "realisasi":
            return serializers.RealisasiInputSerializer
        if self.action == "retrieve":
            return serializers.EvaluasiDetailSerializer
        return serializers.EvaluasiSerializer

    def queryset_aktor(self, user):
        qs = sel_evaluasi.evaluasi_list(actor=user)
        if self.lingkup(self.request) == "saya":
            saya = pegawai_dari_pengguna(user)
            qs = qs.filter(skp__pegawai=saya) if saya else qs.none()
        return qs.order_by("-periode_penilaian__tanggal_mulai", "skp__pegawai__nama", "pk")

    def get_object(self) -> EvaluasiPeriodik:
        try:
            return sel_evaluasi.evaluasi_detail(
                actor=self.request.user, pk=int(self.kwargs["pk"]), ringkas=True
            )
        except ObjectDoesNotExist as e:
            raise Http404 from e

    @extend_schema(
        summary="Isi realisasi indikator evaluasi sendiri",
        request=serializers.RealisasiInputSerializer,
        responses={200: serializers.EvaluasiDetailSerializer},
    )
    @action(detail=True, methods=["post"])
    def realisasi(self, request, pk: Any = None) -> Response:
        ev = self.get_object()
        masukan = serializers.RealisasiInputSerializer(data=request.data)
        masukan.is_valid(raise_exception=True)
        try:
            svc_evaluasi.realisasi_simpan(actor=request.user, evaluasi=ev, isian=masukan.isian())
        except DjangoValidationError as e:
            raise galat_layanan(e, {"realisasi"}, {"indikator_asing": "realisasi"}) from e
        ev = self.get_object()
        return Response(serializers.EvaluasiDetailSerializer(ev, context={"request": request}).data)


@extend_schema_view(
    list=extend_schema(summary="Log harian saya"),
    retrieve=extend_schema(summary="Satu log harian"),
    create=extend_schema(summary="Catat kegiatan harian"),
    update=extend_schema(summary="Ubah log harian (belum diverifikasi)"),
    partial_update=extend_schema(summary="Ubah sebagian log harian"),
    destroy=extend_schema(summary="Hapus log harian (belum diverifikasi)"),
)
class LogHarianViewSet(
    _SkemaMixin,
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    mixins.UpdateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet,
):  # fmt: skip
    """The employee's own daily log: list, record, change and delete through
    `kinerja.services.log_harian`; a log of a subordinate is read as the page allows
    (`log_visible`)."""

    scoped_model = LogHarian
    lookup_value_converter = "int"
    serializer_class = serializers.LogHarianSerializer
    permission_classes = [*viewsets.GenericViewSet.permission_classes, permissions.PunyaDataPegawai]
    filter_backends = [filters.DjangoFilterBackend, OrderingFilter]
    filterset_class = filters.LogHarianFilter
    ordering_fields = ["tanggal", "status", "updated_at"]
    BIDANG = {"tanggal", "kegiatan", "output", "volume", "satuan", "rhk", "bukti"}

    def queryset_aktor(self, user):
        if self.action == "list":
            qs = log_list(actor=user, lingkup="saya")
        else:
            qs = log_visible(actor=user).select_related("pegawai", "rhk", "diverifikasi_oleh")
        return qs.order_by("-tanggal", "-id")

    def _simpan(self, serializer, log: LogHarian | None) -> LogHarian:
        d = dict(serializer.validated_data)
        if log is not None:  # PATCH: what was not sent stays as it is
            for k in ("tanggal", "kegiatan", "output", "volume", "satuan", "rhk"):
                d.setdefault(k, getattr(log, k))
        try:
            return svc_log.log_harian_simpan(actor=self.request.user, log=log, **d)
        except DjangoValidationError as e:
            raise galat_layanan(e, self.BIDANG) from e

    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        s = self.get_serializer(data=request.data)
        s.is_valid(raise_exception=True)
        obj = self._simpan(s, None)
        return Response(self.get_serializer(obj).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args: Any, **kwargs: Any) -> Response:
        log = self.get_object()
        s = self.get_serializer(log, data=request.data, partial=kwargs.pop("partial", False))
        s.is_valid(raise_exception=True)
        obj = self._simpan(s, log)
        return Response(self.get_serializer(obj).data)

    def destroy(self, request, *args: Any, **kwargs: Any) -> Response:
        log = self.get_object()
        try:
            svc_log.log_harian_hapus(actor=request.user, log=log)
        except DjangoValidationError as e:
            raise galat_layanan(e) from e
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Rekap per pegawai per periode (dari rekap Celery)"),
    retrieve=extend_schema(summary="Satu baris rekap"),
)
class RekapPegawaiViewSet(_BacaViewSet):
    """Employee recap rows (`rekap_pegawai_list`): the wilayah for HR and pimpinan, the
    subtree for a section head, one's own for an employee."""

    scoped_model = RekapPegawai
    serializer_class = serializers.RekapPegawaiSerializer
    filterset_class = filters.RekapPegawaiFilter
    ordering_fields = ["pegawai__nama", "predikat", "unit__path", "hari_alpa"]

    def queryset_aktor(self, user):
        return rekap_pegawai_list(actor=user).order_by(
            "-periode_penilaian__tanggal_mulai", "unit__path", "pegawai__nama", "pk"
        )


@extend_schema_view(
    list=extend_schema(summary="Bulan TPP wilayah"),
    retrieve=extend_schema(summary="Satu bulan TPP dengan jumlahnya"),
)
class TPPBulanViewSet(_BacaViewSet):
    """The wilayah's TPP months (`bulan_list`) and their rows (`baris_list`), for HR and
    pimpinan daerah as the TPP pages."""

    scoped_model = BulanTPP
    serializer_class = serializers.BulanTPPSerializer
    permission_classes = [*_BacaViewSet.permission_classes, permissions.LihatTPPWilayah]
    filterset_class = filters.BulanTPPFilter
    ordering_fields = ["tahun", "bulan"]

    def get_serializer_class(self):
        if self.action == "baris":
            return serializers.TPPPegawaiSerializer
        return serializers.BulanTPPSerializer

    def queryset_aktor(self, user):
        return sel_tpp.bulan_list(actor=user).order_by("-tahun", "-bulan", "pk")

    @extend_schema(
        summary="Baris TPP per pegawai satu bulan",
        parameters=[
            OpenApiParameter("q", str, description="NIP atau nama"),
            OpenApiParameter("unit", int, description="Unit kerja (beserta sub-unit)"),
            OpenApiParameter("tanda", str, enum=list(sel_tpp.TANDA)),
            OpenApiParameter("o", str, description="Urutan, seperti halaman bulan TPP"),
            OpenApiParameter("page", int),
            OpenApiParameter("page_size", int),
        ],
        responses={200: serializers.TPPPegawaiSerializer(many=True)},
    )
    @action(detail=True, methods=["get"])
    def baris(self, request, pk: Any = None) -> Response:
        bulan = self.get_object()
        f = filters.BarisTPPFilter(
            request.query_params, queryset=TPPPegawai.objects.visible_to(None), request=request
        )
        if not f.is_valid():
            raise ValidationError(f.errors)
        d = f.form.cleaned_data
        qs = sel_tpp.baris_list(
            actor=request.user, bulan=bulan, unit=d.get("unit"), q=(d.get("q") or "").strip(),
            tanda=d.get("tanda") or "", urut=request.query_params.get("o", ""),
        )  # fmt: skip
        halaman = self.paginate_queryset(qs)
        return self.get_paginated_response(self.get_serializer(halaman, many=True).data)


@extend_schema_view(list=extend_schema(summary="TPP saya per bulan"))
class TPPSayaViewSet(_SkemaMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The actor's own TPP rows (`tpp_saya`), newest month first."""

    scoped_model = TPPPegawai
    serializer_class = serializers.TPPSayaSerializer
    filter_backends: list = []

    def queryset_aktor(self, user):
        return sel_tpp.tpp_saya(actor=user)
