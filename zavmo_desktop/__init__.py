"""Zavmo Desktop: an offline, accessible learning app."""

__version__ = "0.4.0"
