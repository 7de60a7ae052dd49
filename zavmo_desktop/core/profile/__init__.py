"""The learner's profile: who they are, the role they work towards, their week, how they work."""
