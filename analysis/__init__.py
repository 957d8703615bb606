"""analysis: compare Chinese local governments' annual rule-of-law reports.

Nothing runs at import time: no logging setup, no dictionary loading.
"""

__version__ = "0.1.0"
