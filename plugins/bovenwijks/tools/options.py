"""The options that several subcommands of `bovenwijks` share, worded once."""

from __future__ import annotations

import argparse


def root(parser: argparse.ArgumentParser) -> None:
    """`--root`: the project folder, which holds `wijken/` and `content/`."""
    parser.add_argument("--root", default=".", help="de map met wijken/ en content/ (standaard: deze map)")
