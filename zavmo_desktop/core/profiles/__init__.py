"""Learner profiles on a shared laptop: several learners, each with their own data folder.

Only names live here, so the start path can ask "is there a registry?" without loading
json or hashlib (tests/ui/test_start_path.py). See docs/profiles.md.
"""

REGISTRY_NAME = "profiles.json"  # in the data root, beside the default profile's files
PROFILES_FOLDER = "profiles"  # every profile but the default has a folder in here
DEFAULT_ID = "default"  # the data root itself: a single-learner folder from before profiles


class UnknownProfile(Exception):
    """--profile named no learner on this data root; the message lists who there is."""
