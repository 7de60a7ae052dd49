"""The glossary: every module's key terms, with their plain definitions, searchable."""
