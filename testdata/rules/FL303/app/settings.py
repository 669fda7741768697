from datetime import timedelta

THIRTY_DAYS = timedelta(days=30)


class BaseConfig:
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=15)


class ProductionConfig(BaseConfig):
    JWT_ACCESS_TOKEN_EXPIRES = THIRTY_DAYS  # expect: FL303


class LegacyConfig(BaseConfig):
    # Seconds, as Flask-JWT-Extended also accepts.
    JWT_ACCESS_TOKEN_EXPIRES = 7 * 24 * 3600  # todo: FL303


class PartnerConfig(BaseConfig):
    JWT_ACCESS_TOKEN_EXPIRES = 172800  # expect: FL303


class DevelopmentConfig(BaseConfig):
    JWT_ACCESS_TOKEN_EXPIRES = False
