"""Where things live, derived from the package's location (never the current directory),
and how a file is fingerprinted (:func:`sha256_file`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
LEXICON_DIR = PACKAGE_DIR / "lexicons"
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
CORRECTIONS_FILE = DATA_DIR / "corrections.csv"
FIGURES_DIR = PROJECT_ROOT / "figures"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
CACHE_DIR = PROJECT_ROOT / ".cache"
MANIFEST_NAME = "reports.csv"


def sha256_file(path: Path | str) -> str:
    """Hex sha256 of a file's bytes, read in 1 MB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
