import os


class Config:
    # Flasky (Grinberg): the fallback runs whenever SECRET_KEY is unset.
    SECRET_KEY = os.environ.get("SECRET_KEY") or "hard to guess string"  # expect: FL302
    JWT_SECRET_KEY = os.getenv("JWT_SECRET_KEY", "changeme")  # expect: FL302
    # Flask-WTF's CSRF key: a forged token also needs the session's random value (low).
    WTF_CSRF_SECRET_KEY = "reallyhardtoguess"  # expect: FL302(low)
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "smtp.googlemail.com")


class ProductionConfig(Config):
    pass


class DevelopmentConfig(Config):
    DEBUG = True
    SECRET_KEY = "dev"


class TestingConfig(Config):
    TESTING = True
    JWT_SECRET_KEY = "test-secret"


class LocalConfig(Config):
    SECRET_KEY = "local"


class EmbeddingConfig:
    # Signs embedded-dashboard guest tokens: a signing secret whatever its suffix.
    GUEST_TOKEN_JWT_SECRET = "test-guest-secret-change-me"  # expect: FL302
