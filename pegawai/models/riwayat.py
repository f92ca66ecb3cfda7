"""Employee histories (riwayat). Owned by the employee-records work."""

__all__: list[str] = []
