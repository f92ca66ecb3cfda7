"""Trigram indexes for the name search of the employee list and the admin
(`nama__icontains` is `UPPER(nama::text) LIKE UPPER('%x%')`)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pegawai", "0004_indeks_status_pegawai"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunSQL(
            "CREATE INDEX pegawai_nama_trgm_idx ON pegawai_pegawai "
            "USING gin ((upper(nama::text)) gin_trgm_ops)",
            "DROP INDEX pegawai_nama_trgm_idx",
        ),
        migrations.RunSQL(
            "CREATE INDEX pegawai_gelar_trgm_idx ON pegawai_pegawai "
            "USING gin ((upper(gelar_belakang::text)) gin_trgm_ops)",
            "DROP INDEX pegawai_gelar_trgm_idx",
        ),
    ]
