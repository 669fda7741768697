import os


class Config:
    SECRET_KEY = os.getenv("SECRET_KEY", "dev-secret-key-change-me")  # expect: FL302(low)
    JWT_SECRET_KEY = os.getenv("JWT_SECRET_KEY", "jwt-secret")  # expect: FL302(low)
