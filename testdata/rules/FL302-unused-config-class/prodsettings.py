import os


class ProductionConfig:
    SECRET_KEY = os.getenv("SECRET_KEY", "production-secret")  # expect: FL302(high)
