"""Leave's own status log (RiwayatStatusCuti) moves into the one log of every status change,
TransisiStatus (issue 16: leave runs on the shared workflow engine). Every row is copied with
its who/when/from/to/note and the wilayah of the leave's employee, then the table goes."""

from django.db import migrations


def salin_ke_transisistatus(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ct, _ = ContentType.objects.get_or_create(app_label="pegawai", model="cuti")
    with schema_editor.connection.cursor() as cur:
        cur.execute(
            """
            INSERT INTO kinerja_transisistatus
                (created_at, updated_at, content_type_id, object_id, wilayah_id, dari, ke,
                 oleh_id, catatan)
            SELECT r.pada, r.pada, %s, r.cuti_id, p.wilayah_id, r.dari, r.ke, r.oleh_id,
                   r.catatan
            FROM pegawai_riwayatstatuscuti r
            JOIN pegawai_cuti c ON c.id = r.cuti_id
            JOIN pegawai_pegawai p ON p.id = c.pegawai_id
            ORDER BY r.pada, r.id
            """,
            [ct.pk],
        )


def kembalikan_dari_transisistatus(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ct = ContentType.objects.filter(app_label="pegawai", model="cuti").first()
    if ct is None:
        return
    with schema_editor.connection.cursor() as cur:
        cur.execute(
            """
            INSERT INTO pegawai_riwayatstatuscuti (cuti_id, dari, ke, oleh_id, pada, catatan)
            SELECT t.object_id, t.dari, t.ke, t.oleh_id, t.created_at, LEFT(t.catatan, 500)
            FROM kinerja_transisistatus t JOIN pegawai_cuti c ON c.id = t.object_id
            WHERE t.content_type_id = %s ORDER BY t.created_at, t.id
            """,
            [ct.pk],
        )
        cur.execute("DELETE FROM kinerja_transisistatus WHERE content_type_id = %s", [ct.pk])


class Migration(migrations.Migration):
    dependencies = [
        ("pegawai", "0005_indeks_trigram_nama"),
        ("asn_kinerja", "0003_transisi_di_tempat"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(salin_ke_transisistatus, kembalikan_dari_transisistatus),
        migrations.DeleteModel(name="RiwayatStatusCuti"),
    ]
