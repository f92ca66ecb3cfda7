"""Trigram index for the name search of the TPP month page (`nama__icontains` is
`UPPER(nama::text) LIKE UPPER('%x%')`), as pegawai 0005 does for the employee list. The
pg_trgm extension is created (and owned) by pegawai 0005, hence the dependency."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("tpp", "0003_jalur_unit_dan_indeks_urutan"),
        ("pegawai", "0005_indeks_trigram_nama"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX tpppegawai_nama_trgm_idx ON tpp_tpppegawai "
            "USING gin ((upper(nama::text)) gin_trgm_ops)",
            "DROP INDEX tpppegawai_nama_trgm_idx",
        ),
    ]
