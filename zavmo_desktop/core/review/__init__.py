"""Retrieval practice: which questions are due today, and scheduling them with FSRS."""
