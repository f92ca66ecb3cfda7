"""Leave (cuti), holiday calendar, attendance and discipline: services, selectors, forms and
views of that area (models in pegawai/models/cuti.py)."""
