"""Where the organisation's learning record store is, as its config names it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LrsSettings:
    endpoint: str  # the xAPI base URL, e.g. https://lrs.example.org/xAPI/
    username: str
    password: str
    account_homepage: str  # identifies learners by account id on this homepage
    account_name: str = ""  # the learner's account id; blank: the app makes a stable one
    use_email: bool = False  # only when the organisation says so
