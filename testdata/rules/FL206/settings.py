"""Settings read from the environment: a missing variable leaves `None` behind `.get`, and a
required one (`os.environ[...]`) stops the app from starting instead."""
import os


class Config:
    PUSH_API_KEY = os.environ.get("PUSH_API_KEY", None)
    SYNC_API_KEY = os.environ.get("SYNC_API_KEY")
    # Required: the app does not start without it, so it is never None.
    ADMIN_API_KEY = os.environ["ADMIN_API_KEY"]
    # A default: never None (FL301's business, not this rule's).
    EXPORT_API_KEY = os.environ.get("EXPORT_API_KEY", "")
