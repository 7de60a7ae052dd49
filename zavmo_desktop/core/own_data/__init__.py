"""The learner's own data (UK GDPR): export all of it, erase all of it, say where it is."""
