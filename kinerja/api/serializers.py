"""Serializers of the API: read shapes (what a list row and a detail show) and the input
shapes of the phone client's writes. Writes never save here: the views hand the validated
data to the services (`kinerja.services`)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kinerja.laporan.models import RekapPegawai
from kinerja.models import (
    SKP,
    EvaluasiPeriodik,
    IndikatorKinerja,
    LogHarian,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
)
from kinerja.selectors.log_harian import rhk_untuk_log
from kinerja.services.evaluasi import MAKS_NARASI
from kinerja.services.log_harian import validasi_bukti
from kinerja.tpp.models import BulanTPP, TPPPegawai
from organisasi.models import Jabatan, UnitKerja
from pegawai.models import Pegawai

from .models import TokenAPI

# --- small nested shapes ----------------------------------------------------------------


class UnitRingkasSerializer(serializers.ModelSerializer):
    class Meta:
        model = UnitKerja
        fields = ["id", "kode", "nama"]


class JabatanRingkasSerializer(serializers.ModelSerializer):
    class Meta:
        model = Jabatan
        fields = ["id", "nama", "jenis", "is_kepala"]


class PegawaiRingkasSerializer(serializers.ModelSerializer):
    class Meta:
        model = Pegawai
        fields = ["id", "nip", "nama", "nama_lengkap"]


# --- organisation -----------------------------------------------------------------------


class UnitKerjaSerializer(serializers.ModelSerializer):
    class Meta:
        model = UnitKerja
        fields = ["id", "kode", "nama", "jenis", "parent", "depth", "aktif", "alamat"]


class JabatanSerializer(serializers.ModelSerializer):
    unit = UnitRingkasSerializer(read_only=True)

    class Meta:
        model = Jabatan
        fields = [
            "id", "nama", "jenis", "jenjang", "eselon", "kelas_jabatan", "is_kepala",
            "pendidikan_minimal", "aktif", "unit",
        ]  # fmt: skip


class PegawaiSerializer(serializers.ModelSerializer):
    """An employee as the list shows them (no contact data or birth date in this slice)."""

    unit = UnitRingkasSerializer(read_only=True)
    jabatan = JabatanRingkasSerializer(read_only=True, allow_null=True)
    pangkat = serializers.CharField(read_only=True)
    jp_tahun = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Pegawai
        fields = [
            "id", "nip", "nama", "nama_lengkap", "gelar_depan", "gelar_belakang",
            "jenis_kelamin", "status_kepegawaian", "golongan", "pangkat", "status_aktif",
            "pendidikan_terakhir", "unit", "jabatan", "jp_tahun",
        ]  # fmt: skip


# --- SKP --------------------------------------------------------------------------------


class IndikatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndikatorKinerja
        fields = ["id", "aspek", "teks", "target_nilai", "target_satuan", "target_kualitatif",
                  "urutan"]  # fmt: skip


class RHKSerializer(serializers.ModelSerializer):
    indikator = IndikatorSerializer(source="indikator_set", many=True, read_only=True)

    class Meta:
        model = RencanaHasilKerja
        fields = ["id", "urutan", "teks", "jenis", "rhk_atasan", "perspektif", "indikator"]


class SKPSerializer(serializers.ModelSerializer):
    pegawai = PegawaiRingkasSerializer(read_only=True)
    pejabat_penilai = PegawaiRingkasSerializer(read_only=True, allow_null=True)
    tahun = serializers.IntegerField(source="periode_kinerja.tahun", read_only=True)

    class Meta:
        model = SKP
        fields = ["id", "tahun", "pegawai", "pejabat_penilai", "pendekatan", "status",
                  "is_jpt", "disetujui_pada", "updated_at"]  # fmt: skip


class SKPDetailSerializer(SKPSerializer):
    rhk = RHKSerializer(source="rhk_set", many=True, read_only=True)

    class Meta(SKPSerializer.Meta):
        fields = [*SKPSerializer.Meta.fields, "rhk"]


# --- evaluation -------------------------------------------------------------------------


class PeriodePenilaianSerializer(serializers.ModelSerializer):
    class Meta:
        model = PeriodePenilaian
        fields = ["id", "nomor", "nama", "tanggal_mulai", "tanggal_selesai", "status"]


class EvaluasiSerializer(serializers.ModelSerializer):
    skp = serializers.PrimaryKeyRelatedField(read_only=True)
    pegawai = PegawaiRingkasSerializer(source="skp.pegawai", read_only=True)
    periode_penilaian = PeriodePenilaianSerializer(read_only=True)

    class Meta:
        model = EvaluasiPeriodik
        fields = ["id", "skp", "pegawai", "periode_penilaian", "status", "rating_hasil",
                  "rating_perilaku", "predikat", "diajukan_pada", "dinilai_pada", "final_pada"]  # fmt: skip


class RealisasiSerializer(serializers.ModelSerializer):
    class Meta:
        model = RealisasiIndikator
        fields = ["indikator", "nilai", "narasi"]


class EvaluasiDetailSerializer(EvaluasiSerializer):
    rhk = RHKSerializer(source="skp.rhk_set", many=True, read_only=True)
    realisasi = RealisasiSerializer(source="realisasi_set", many=True, read_only=True)

    class Meta(EvaluasiSerializer.Meta):
        fields = [*EvaluasiSerializer.Meta.fields, "rhk", "realisasi"]


class RealisasiIsianSerializer(serializers.Serializer):
    indikator = serializers.IntegerField(
        min_value=1, error_messages={"invalid": _("Isi dengan id indikator (angka).")}
    )
    nilai = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True,
        error_messages={"invalid": _("Masukkan angka, mis. 12 atau 12.5."),
                        "min_value": _("Nilai realisasi tidak boleh negatif.")},
    )  # fmt: skip
    narasi = serializers.CharField(
        max_length=MAKS_NARASI, required=False, allow_blank=True, default="",
        error_messages={"max_length": _("Narasi realisasi paling banyak %(n)s karakter.")
                        % {"n": MAKS_NARASI}},
    )  # fmt: skip


class RealisasiInputSerializer(serializers.Serializer):
    realisasi = RealisasiIsianSerializer(
        many=True, allow_empty=False,
        error_messages={"empty": _("Kirim realisasi untuk paling sedikit satu indikator.")},
    )  # fmt: skip

    def validate_realisasi(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        ids = [r["indikator"] for r in value]
        if len(ids) != len(set(ids)):
            raise serializers.ValidationError(_("Satu indikator hanya boleh muncul sekali."))
        return value

    def isian(self) -> dict[int, tuple[Any, str]]:
        return {
            r["indikator"]: (r.get("nilai"), r.get("narasi") or "")
            for r in self.validated_data["realisasi"]
        }


# --- daily log ----------------------------------------------------------------------------


class _RHKLogField(serializers.PrimaryKeyRelatedField):
    """An RHK of the actor's own SKP (`rhk_untuk_log`): another one is 'not found'."""

    default_error_messages = {
        "does_not_exist": _("Pilih RHK dari SKP Anda."),
        "incorrect_type": _("Isi dengan id RHK (angka)."),
    }

    def get_queryset(self):
        request = self.context.get("request")
        if request is None:
            return RencanaHasilKerja.objects.none()
        return rhk_untuk_log(actor=request.user)


class LogHarianSerializer(serializers.ModelSerializer):
    """Read shape and write shape of a daily log (the write goes through
    `log_harian_simpan`)."""

    tanggal = serializers.DateField(
        error_messages={"invalid": _("Masukkan tanggal yang sah (YYYY-MM-DD)."),
                        "required": _("Isi tanggal kegiatan.")},
    )  # fmt: skip
    kegiatan = serializers.CharField(
        max_length=2000,
        error_messages={"required": _("Uraikan kegiatan yang dilakukan."),
                        "blank": _("Uraikan kegiatan yang dilakukan."),
                        "max_length": _("Kegiatan paling banyak 2000 karakter.")},
    )  # fmt: skip
    output = serializers.CharField(max_length=200, required=False, allow_blank=True)
    volume = serializers.DecimalField(
        max_digits=10, decimal_places=2, min_value=0, required=False, allow_null=True,
        error_messages={"invalid": _("Volume harus berupa angka."),
                        "min_value": _("Volume tidak boleh negatif.")},
    )  # fmt: skip
    satuan = serializers.CharField(max_length=50, required=False, allow_blank=True)
    rhk = _RHKLogField(required=False, allow_null=True)
    bukti = serializers.FileField(required=False, allow_null=True, write_only=True)
    ada_bukti = serializers.SerializerMethodField()
    pegawai = PegawaiRingkasSerializer(read_only=True)

    class Meta:
        model = LogHarian
        fields = [
            "id", "pegawai", "tanggal", "kegiatan", "output", "volume", "satuan", "rhk",
            "bukti", "ada_bukti", "status", "catatan_atasan", "diverifikasi_pada",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["status", "catatan_atasan", "diverifikasi_pada"]

    def validate_bukti(self, berkas: Any) -> Any:
        """The evidence checks of the page's form (`validasi_bukti`: name, type, size)."""
        if berkas:
            try:
                validasi_bukti(berkas)
            except DjangoValidationError as e:
                raise serializers.ValidationError(e.messages) from e
        return berkas or None

    def get_ada_bukti(self, obj: LogHarian) -> bool:
        return bool(obj.bukti)


# --- tokens -------------------------------------------------------------------------------


class TokenAPISerializer(serializers.ModelSerializer):
    class Meta:
        model = TokenAPI
        fields = ["id", "nama", "awalan", "created_at", "terakhir_dipakai", "dicabut_pada"]


# --- recaps and TPP (read only) -----------------------------------------------------------


class RekapPegawaiSerializer(serializers.ModelSerializer):
    pegawai = PegawaiRingkasSerializer(read_only=True)
    unit = UnitRingkasSerializer(read_only=True)
    periode_penilaian = PeriodePenilaianSerializer(read_only=True)
    pejabat_penilai = PegawaiRingkasSerializer(read_only=True, allow_null=True)

    class Meta:
        model = RekapPegawai
        fields = [
            "id", "periode_penilaian", "pegawai", "unit", "pejabat_penilai", "skp", "status_skp",
            "evaluasi", "status_evaluasi", "rating_hasil", "rating_perilaku", "predikat",
            "jumlah_indikator", "jumlah_realisasi", "jumlah_log_harian", "hari_tercatat",
            "hari_hadir", "hari_terlambat", "hari_alpa", "menit_terlambat",
            "menit_pulang_cepat", "dihitung_pada",
        ]  # fmt: skip


class BulanTPPSerializer(serializers.ModelSerializer):
    class Meta:
        model = BulanTPP
        fields = [
            "id", "wilayah", "tahun", "bulan", "status", "hari_kerja", "jumlah_pegawai",
            "total_pagu", "total_netto", "jumlah_tanpa_evaluasi", "jumlah_kehadiran_kurang",
            "dihitung_pada", "dikunci_pada",
        ]  # fmt: skip


class TPPPegawaiSerializer(serializers.ModelSerializer):
    """A row of a month (the month itself is the URL's)."""

    unit = UnitRingkasSerializer(read_only=True, allow_null=True)

    class Meta:
        model = TPPPegawai
        fields = [
            "id", "bulan", "pegawai", "nip", "nama", "golongan",
            "nama_jabatan", "kelas_jabatan", "unit", "pagu", "predikat", "faktor_kinerja",
            "hari_kerja", "hari_tercatat", "persen_potongan_disiplin", "nilai_kinerja",
            "nilai_disiplin", "potongan_kinerja", "potongan_disiplin", "potongan_sanksi",
            "netto", "tanpa_evaluasi", "kehadiran_kurang", "dihitung_pada",
        ]  # fmt: skip


class TPPSayaSerializer(TPPPegawaiSerializer):
    """One's own rows over the months: with the month's year and number."""

    tahun = serializers.IntegerField(source="bulan.tahun", read_only=True)
    nomor_bulan = serializers.IntegerField(source="bulan.bulan", read_only=True)

    class Meta(TPPPegawaiSerializer.Meta):
        fields = [*TPPPegawaiSerializer.Meta.fields[:2], "tahun", "nomor_bulan",
                  *TPPPegawaiSerializer.Meta.fields[2:]]  # fmt: skip
