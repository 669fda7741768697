"""taskapi's shape: the production config's class body refuses to load without the secrets in
the environment (`os.getenv`, which is `os` attribute access, in an `or` of `not`s). A class body
runs when the module is imported, so the fallbacks below never sign anything: not reported."""
import os


class Config:
    SECRET_KEY = os.getenv("SECRET_KEY", "dev-secret-key-change-in-production")
    JWT_SECRET_KEY = os.getenv("JWT_SECRET_KEY", "jwt-secret-key-change-in-production")
    # Trap: nothing requires this one.
    WEBHOOK_SECRET_KEY = os.getenv("WEBHOOK_SECRET_KEY", "webhook-secret")  # expect: FL302(high)


class ProductionConfig(Config):
    DEBUG = False

    if not os.getenv("JWT_SECRET_KEY") or not os.getenv("SECRET_KEY"):
        raise ValueError("JWT_SECRET_KEY and SECRET_KEY must be set in production")
