"""A configuration class whose key is its own setting's name (Election-Management-System): the
name is the key that signs every token, and it is in every word list."""
import os


class Configuration:
    SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]
    JWT_SECRET_KEY = "JWT_SECRET_KEY"  # expect: FL302(high)
    JWT_ACCESS_TOKEN_EXPIRES = 3600
