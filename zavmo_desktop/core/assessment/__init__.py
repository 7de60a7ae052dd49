"""Discover: where the learner stands (ratings and scenario answers), the gaps, the time."""
