"""Leave (cuti), holiday calendar and attendance import. Owned by the leave/attendance work."""

__all__: list[str] = []
