"""The organisation's config: branding, default and locked settings, hidden features."""
