from ticketing import app as application  # noqa: F401
