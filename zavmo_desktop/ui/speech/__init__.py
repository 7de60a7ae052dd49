"""Read-aloud engines: each speaks text and reports which word and sentence is being heard."""
