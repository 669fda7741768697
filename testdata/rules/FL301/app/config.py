import os

from . import vault

FALLBACK_SIGNING_SECRET = "X2m9Qp7Lw4Zr1Vk8Tn5Hb3Jc6Fd0Gs9A"  # expect: FL301


class BaseConfig:
    SECRET_KEY = os.environ.get("SECRET_KEY", "r8Tq2Wz5Nk1Pv7Lx4Mb9Hc3Jd6Gf0SyE")  # expect: FL301
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///app.db")


class ProductionConfig(BaseConfig):
    # Inherits SECRET_KEY's literal fallback from BaseConfig.
    TOKEN_SECRET = "Lm3Nq8Rv1Tw6Yx9Zb2Cd5Fg7Hj0Kp4Qs"  # expect: FL301
    REPORTS_SECRET = os.environ.get("REPORTS_SECRET") or "Bv6Nc1Xz8Lk3Jh5Gf9Ds2Aq7Wr4Et0Yu"  # expect: FL301
    ARCHIVE_SECRET_KEY = os.getenv("ARCHIVE_SECRET_KEY", FALLBACK_SIGNING_SECRET)
    # Never read as a key: a salt, not a signing secret.
    EXPORT_SALT = "Pq9Wr2Ty5Ui8Op1As4Df7Gh0Jk3Lz6Xc"


class DevelopmentConfig(BaseConfig):
    # Only development gets this one.
    JWT_SECRET_KEY = "Hn4Jm7Kl0Zx3Cv6Bn9Mq2Wr5Et8Yu1Io"


class TestingConfig(BaseConfig):
    SECRET_KEY = "Tz5Xc8Vb1Nm4Qw7Er0Ty3Ui6Op9As2Df"


class VaultConfig(BaseConfig):
    SECRET_KEY = vault.read("flask/secret-key")
    JWT_SECRET_KEY = os.environ["JWT_SECRET_KEY"]
