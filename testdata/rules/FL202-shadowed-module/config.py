import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "fallback-secret"  # expect: FL302(high)
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY") or "another-super-secret-key"  # expect: FL302(low)
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or "sqlite:///site.db"
