"""Factories of the organisation app's own models."""

from __future__ import annotations

import factory

from organisasi.models import TugasJabatan
from tests.factories import JabatanFactory


class TugasJabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TugasJabatan

    jabatan = factory.SubFactory(JabatanFactory)
    uraian_tugas = factory.Sequence(lambda n: f"Menyusun dokumen uji {n}")
    satuan_hasil = "dokumen"
    volume_tahunan = 100
    norma_waktu_menit = 60
