"""One class assigns its key twice (rental-management-system's config.py): the first value is
replaced before the class is ever read, so only the second is the setting, reported once."""
import os


class Config:
    SECRET_KEY = "property"
    SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://collo:1234@db.internal/propertydb"
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SECRET_KEY = "property"  # expect: FL302(high)
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")


class ProdConfig(Config):
    DEBUG = False


class StagingConfig:
    # The first value is the fallback the second reads: both are one setting, reported where
    # the literal is written.
    SECRET_KEY = "fallback-key"  # expect: FL302(high)
    SECRET_KEY = os.environ.get("SECRET_KEY", SECRET_KEY)
    if os.environ.get("STAGING_SECRET_KEY"):
        SECRET_KEY = os.environ["STAGING_SECRET_KEY"]


config_options = {"production": ProdConfig, "staging": StagingConfig}
