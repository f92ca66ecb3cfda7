"""TransisiStatus and Notifikasi move from kinerja to the ground floor (issue 16).

State only: the tables `kinerja_transisistatus` and `kinerja_notifikasi` (and their rows,
indexes, constraints) stay as they are. The content types are renamed so that generic
relations, permissions and admin log entries follow the models."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def pindahkan_content_type(apps, schema_editor, dari="kinerja", ke="asn_kinerja"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("transisistatus", "notifikasi"):
        if ContentType.objects.filter(app_label=ke, model=model).exists():
            continue
        ContentType.objects.filter(app_label=dari, model=model).update(app_label=ke)


def kembalikan_content_type(apps, schema_editor):
    pindahkan_content_type(apps, schema_editor, dari="asn_kinerja", ke="kinerja")


class Migration(migrations.Migration):
    dependencies = [
        ("asn_kinerja", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("organisasi", "0003_wilayah_buka_tahun_otomatis"),
        ("kinerja", "0003_rhk_disalin_dari"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TransisiStatus",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="dibuat pada"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="diubah pada"),
                        ),
                        ("object_id", models.PositiveBigIntegerField(verbose_name="ID objek")),
                        (
                            "dari",
                            models.CharField(blank=True, max_length=30, verbose_name="dari status"),
                        ),
                        ("ke", models.CharField(max_length=30, verbose_name="ke status")),
                        ("catatan", models.TextField(blank=True, verbose_name="catatan")),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="contenttypes.contenttype",
                                verbose_name="jenis objek",
                            ),
                        ),
                        (
                            "oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="transisi_status_set",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="oleh",
                            ),
                        ),
                        (
                            "wilayah",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="transisi_status_set",
                                to="organisasi.wilayah",
                                verbose_name="wilayah",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "kinerja_transisistatus",
                        "verbose_name": "transisi status",
                        "verbose_name_plural": "transisi status",
                        "ordering": ("created_at", "id"),
                        "indexes": [
                            models.Index(
                                fields=["content_type", "object_id", "created_at"],
                                name="kinerja_tra_content_ecd773_idx",
                            )
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("dari", models.F("ke")), _negated=True),
                                name="transisistatus_berubah",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("ke", ""), _negated=True),
                                name="transisistatus_ke_wajib",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Notifikasi",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="dibuat pada"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="diubah pada"),
                        ),
                        ("judul", models.CharField(max_length=200, verbose_name="judul")),
                        ("pesan", models.TextField(blank=True, verbose_name="pesan")),
                        (
                            "tautan",
                            models.CharField(blank=True, max_length=500, verbose_name="tautan"),
                        ),
                        (
                            "dibaca_pada",
                            models.DateTimeField(blank=True, null=True, verbose_name="dibaca pada"),
                        ),
                        (
                            "penerima",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifikasi_set",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="penerima",
                            ),
                        ),
                        (
                            "wilayah",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="notifikasi_set",
                                to="organisasi.wilayah",
                                verbose_name="wilayah",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "kinerja_notifikasi",
                        "verbose_name": "notifikasi",
                        "verbose_name_plural": "notifikasi",
                        "ordering": ("-created_at",),
                        "indexes": [
                            models.Index(
                                fields=["penerima", "dibaca_pada"],
                                name="kinerja_not_penerim_d32b79_idx",
                            ),
                            models.Index(
                                fields=["penerima", "-created_at"],
                                name="kinerja_not_penerim_307311_idx",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(pindahkan_content_type, kembalikan_content_type),
    ]
