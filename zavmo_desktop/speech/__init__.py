"""Speech: text to sentences and words, synthesis with word timings. Never imports Qt."""
