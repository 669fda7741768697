"""flask-expenses-manager's shape: the config falls back to weak keys, and a validator that
`create_app()` calls refuses them outside debug and testing. The fallbacks sign development
servers only: low, with the validator's place."""
import os

WEAK = {"dev", "super-secret-key", "change-me"}


def _weak(value):
    return value in WEAK or len(value) < 32


def validate_security_configuration():
    if os.getenv("FLASK_DEBUG") == "1" or os.getenv("FLASK_TESTING") == "1":
        return
    weak = []
    if _weak(os.getenv("SECRET_KEY", "dev")):
        weak.append("SECRET_KEY")
    if _weak(os.getenv("JWT_SECRET_KEY", "super-secret-key")):
        weak.append("JWT_SECRET_KEY")
    if weak:
        raise RuntimeError("Weak secrets for production: " + ", ".join(weak))


class Config:
    SECRET_KEY = os.getenv("SECRET_KEY", "dev")  # expect: FL302(low)
    JWT_SECRET_KEY = os.getenv("JWT_SECRET_KEY", "super-secret-key")  # expect: FL302(low)
