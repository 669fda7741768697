def load():
    return {}


class StoreError(Exception):
    """The store's own errors: their messages are written for the client."""
