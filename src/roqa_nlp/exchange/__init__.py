"""Exchange with other tools: REFI-QDA projects (``.qdpx``) and codebooks (``.qdc``).

``export_qdpx`` takes code suggestions to NVivo, ATLAS.ti, MAXQDA or QualCoder; ``read_qdpx``
brings transcripts, the codebook and every coder's decisions back. Only the standard library and
defusedxml are imported here; python-docx and xmlschema are imported where they are used.
"""

from __future__ import annotations

from .qdc import export_qdc, read_qdc
from .qdpx_export import QdpxExport, coder_of, export_qdpx, is_model_run, machine_user_name
from .qdpx_import import (
    QdpxProject,
    QdpxUser,
    read_qdpx,
    read_qdpx_codings,
    read_qdpx_transcripts,
)
from .safezip import SafeZip, ZipLimits

__all__ = [
    "QdpxExport",
    "QdpxProject",
    "QdpxUser",
    "SafeZip",
    "ZipLimits",
    "coder_of",
    "export_qdc",
    "export_qdpx",
    "is_model_run",
    "machine_user_name",
    "read_qdc",
    "read_qdpx",
    "read_qdpx_codings",
    "read_qdpx_transcripts",
]
