"""The built-in rule packs, shipped inside the wheel. See rules/README.md for the format."""

from pathlib import Path

BUILTIN = Path(__file__).parent / "en"
