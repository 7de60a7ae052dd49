"""The evidence portfolio: what each criterion's evidence shows (docs/portfolio.md)."""
