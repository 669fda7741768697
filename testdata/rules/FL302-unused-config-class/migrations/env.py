"""Alembic's environment script, as EventFlow ships it: the standard library's logging
configuration module loads no project settings module."""
from logging.config import fileConfig

from flask import current_app

fileConfig("alembic.ini")
DATABASE_URL = current_app.config.get("SQLALCHEMY_DATABASE_URI")
