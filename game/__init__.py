"""Parley: a diplomatic-crisis simulation game driven by YAML scenarios."""

__version__ = "0.1.0"
