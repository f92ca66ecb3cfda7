"""TransisiStatus and Notifikasi moved to asn_kinerja (issue 16): state only, the tables
stay (see asn_kinerja/migrations/0002_transisistatus_notifikasi.py)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("kinerja", "0003_rhk_disalin_dari"),
        ("asn_kinerja", "0002_transisistatus_notifikasi"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="TransisiStatus"),
                migrations.DeleteModel(name="Notifikasi"),
            ],
            database_operations=[],
        ),
    ]
