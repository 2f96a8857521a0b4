"""The ``evidencekit`` command line: the contract scripts and outside checks use.

Human-readable output by default (Chinese or English by locale or ``--lang``); ``--json``
for scripts. Bad usage or bad input exits 2 with one clear line and changes nothing.

Layout: :mod:`.common` holds what commands share; one module per command group
(:mod:`.library_commands`, :mod:`.case_commands`, :mod:`.evidence_commands`,
:mod:`.check_command`, :mod:`.export_commands`) registers its parsers and runs them;
:mod:`.main` lists the groups and is the one place errors become exit codes.
"""

from .main import build_parser, main

__all__ = ["build_parser", "main"]
