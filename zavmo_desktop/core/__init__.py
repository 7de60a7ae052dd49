"""The domain and storage of Zavmo Desktop. Never imports Qt."""
