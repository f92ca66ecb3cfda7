"""Evidence downloads keep their file extension (issue 19 item 9): the display name may be
a free text ("Keterangan") without one, or with another one."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.models import BuktiDukung
from tests.kinerja.factories_evaluasi import evaluasi, organisasi_dinilai

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.mark.parametrize(
    ("berkas", "isi", "keterangan", "nama_unduhan"),
    [
        ("laporan.pdf", PDF, "", "laporan.pdf"),
        ("laporan.pdf", PDF, "Laporan Oktober", "Laporan_Oktober.pdf"),
        ("foto.PNG", PNG, "Foto kegiatan v1.2", "Foto_kegiatan_v1.2.png"),
        ("foto.png", PNG, "dokumen.pdf", "dokumen.pdf.png"),
        ("laporan.pdf", PDF, "../../etc/passwd", "passwd.pdf"),
        ("laporan.pdf", PDF, "Laporan Kinerja Bulanan " * 8, None),
    ],
)
def test_unduh_bukti_dengan_ekstensi_berkas(org_a, client_as, berkas, isi, keterangan,
                                            nama_unduhan):  # fmt: skip
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"])
    c = client_as(org_a.user_staf)
    resp = c.post(reverse("kinerja:evaluasi_bukti_tambah", args=[ev.pk]),
                  {"berkas": SimpleUploadedFile(berkas, isi), "nama": keterangan})  # fmt: skip
    assert resp.status_code == 302
    b = BuktiDukung.objects.get()
    resp = c.get(reverse("kinerja:bukti_unduh", args=[b.pk]))
    assert resp.status_code == 200
    disp = resp["Content-Disposition"]
    ext = ".png" if isi == PNG else ".pdf"
    nama = disp.split('filename="', 1)[1].rstrip('"')
    assert nama.endswith(ext) and len(nama) <= 100 and "/" not in nama
    if nama_unduhan:
        assert nama == nama_unduhan, disp
    assert resp["Content-Type"] == ("image/png" if ext == ".png" else "application/pdf")
