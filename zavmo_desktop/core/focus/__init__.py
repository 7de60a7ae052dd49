"""The focus timer: its state machine and the words it shows."""
