"""Deliver: checklists, reflections and the evidence they produce."""
