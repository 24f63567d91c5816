"""Print: each printer's cover rules (printers.py), the full wrap as a print PDF with its proof
(wrap.py), and preflight checks of a wrap or an uploaded file against the rules (preflight.py)."""

from .printers import BINDINGS, PAPERS, PRINTERS, RULES_VERSION, Geometry, geometry

__all__ = ["BINDINGS", "PAPERS", "PRINTERS", "RULES_VERSION", "Geometry", "geometry"]
