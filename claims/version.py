"""The engine's version, reported in every Report so a verdict can be reproduced."""

__version__ = "0.1.0"
