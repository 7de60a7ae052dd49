"""Deliver's practice conversations: rubric feedback, the dialogue engine and its outcome."""
