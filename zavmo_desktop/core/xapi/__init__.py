"""Learning records for the organisation's LRS."""
