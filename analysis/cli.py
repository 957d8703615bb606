"""The ``analysis`` command: ``build``, ``run`` and ``check``.

Each subcommand lives in the module that does the work; this file only wires them up, and
imports them lazily so that ``analysis --help`` is instant.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from analysis import __version__

# subcommand -> (module, one-line help). Each module offers
# ``add_arguments(parser)`` and ``command(args) -> int``.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "check": ("analysis.manifest", "validate a raw folder and its manifest; write nothing"),
    "build": ("analysis.build", "turn the raw reports into tidy tables in data/processed/"),
    "run": ("analysis.run", "rebuild if needed, execute the notebooks, write figures and briefing"),
}


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser; only ``command``'s module is imported for its options."""
    parser = argparse.ArgumentParser(
        prog="analysis",
        description=(
            "Compare Chinese local governments' annual rule-of-law reports "
            "(法治政府建设年度报告): raw reports in data/raw/ -> tidy tables in "
            "data/processed/ -> notebooks, figures/ and reports/briefing_<year>.html."
        ),
    )
    parser.add_argument("--version", action="version", version=f"analysis {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="{check,build,run}")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        if name == command:
            module = import_module(module_name)
            p = sub.add_parser(
                name,
                help=help_text,
                description=module.__doc__ or help_text,
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
            module.add_arguments(p)
            p.set_defaults(_module=module_name)
        else:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``analysis`` console command."""
    argv = sys.argv[1:] if argv is None else list(argv)
    command = next((a for a in argv if a in SUBCOMMANDS), None)
    parser = make_parser(command)
    args = parser.parse_args(argv)
    if not getattr(args, "_module", None):
        parser.print_help()
        return 0
    module = import_module(args._module)
    try:
        return int(module.command(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
