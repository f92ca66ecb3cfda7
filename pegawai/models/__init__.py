"""Models of the pegawai app, one module per area:
- inti: Pegawai and Kehadiran (foundation)
- riwayat: histories (education, rank, positions, training, competencies, awards, discipline)
- cuti: leave, holiday calendar, attendance import
"""

from .cuti import *  # noqa: F401,F403
from .inti import Kehadiran, Pegawai, umur  # noqa: F401
from .riwayat import *  # noqa: F401,F403
