import os


class Config:
    # Copied into `app.secret_key` by the factory: the session's key, not a service password.
    OPERATIONS_UI_SECRET = os.getenv("OPERATIONS_UI_SECRET", "secret")  # expect: FL302(high)
    # A credential for another service stays FL305's.
    MESSAGES_API_SECRET = os.getenv("MESSAGES_API_SECRET", "Qm4-otter-Vane")  # expect: FL305(medium)
