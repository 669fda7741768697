# Defaults every deployment starts from; `instance/config.py` overrides them.
SECRET_KEY = "sensing"  # expect: FL302
SQLALCHEMY_DATABASE_URI = "sqlite:///sensing.db"
