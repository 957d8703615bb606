"""Where things live, derived from the package's location (never the current directory)."""

from __future__ import annotations

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
