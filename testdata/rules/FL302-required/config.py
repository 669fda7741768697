"""flask-base: a placeholder used when SECRET_KEY is unset, and a production config that refuses
to start without SECRET_KEY (an assert, which `python -O` removes): low, with the guard named."""
import os


class Config:
    if os.environ.get("SECRET_KEY"):
        SECRET_KEY = os.environ.get("SECRET_KEY")
    else:
        SECRET_KEY = "SECRET_KEY_ENV_VAR_NOT_SET"  # expect: FL302(low)
    # No start-up check requires this one: high.
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", "jwt-secret")  # expect: FL302(high)

    @classmethod
    def init_app(cls, app):
        pass


class ProductionConfig(Config):
    @classmethod
    def init_app(cls, app):
        Config.init_app(app)
        assert os.environ.get("SECRET_KEY"), "SECRET_KEY IS NOT SET!"
