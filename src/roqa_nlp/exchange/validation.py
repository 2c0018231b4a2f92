"""Check REFI-QDA files against the official XSDs (used by the tests and for troubleshooting).

The schemas are not shipped with roqa_nlp: pass the paths of ``Project-mrt2019.xsd`` and
``Codebook-mrt2019.xsd`` (published by REFI, https://www.qdasoftware.org). xmlschema is imported
only here, and only when a check runs.
"""

from __future__ import annotations

import io
from pathlib import Path

from .safezip import SafeZip


def schema_errors(xml: bytes, xsd: str | Path) -> list[str]:
    """Every reason ``xml`` is not valid against the schema ``xsd`` (empty when valid)."""
    import xmlschema
    from defusedxml.ElementTree import fromstring

    fromstring(xml, forbid_dtd=True)  # refuse hostile XML before xmlschema parses it
    schema = xmlschema.XMLSchema(str(xsd))
    return [f"{e.path}: {e.reason}" for e in schema.iter_errors(io.BytesIO(xml))]


def qdpx_schema_errors(qdpx: str | Path | bytes, project_xsd: str | Path) -> list[str]:
    """Schema errors of the ``project.qde`` inside a ``.qdpx`` archive."""
    with SafeZip(qdpx) as z:
        name = z.find("project.qde")
        if name is None:
            return ["the archive has no project.qde"]
        return schema_errors(z.read(name), project_xsd)
