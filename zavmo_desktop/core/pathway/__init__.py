"""Discuss: the learner's week-by-week pathway, planned from the assessment (issue 11)."""
