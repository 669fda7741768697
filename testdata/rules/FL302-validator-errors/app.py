"""Donation-Platform's shape: the config falls back to literal keys, and
`_validate_production_config`, which `create_app()` calls in production, records each default it
finds in a list and raises when the list is not empty. The fallbacks sign development servers
only: low. `audit_settings` records its findings the same way but only logs them: it refuses
nothing, so `MAIL_SECRET_KEY`'s fallback keeps its severity."""
import logging
import os

from flask import Flask


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-secret-key-change-in-production")  # expect: FL302(low)
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", "jwt-secret-key-change-in-production")  # expect: FL302(low)


def _validate_production_config(config):
    errors = []
    if config.get("SECRET_KEY") == "dev-secret-key-change-in-production":
        errors.append("SECRET_KEY must be set in production")
    if config.get("JWT_SECRET_KEY") == "jwt-secret-key-change-in-production":
        errors.append("JWT_SECRET_KEY must be set in production")
    if errors:
        raise RuntimeError("; ".join(errors))


def check_mail_settings(config):
    problems = []
    if config.get("MAIL_SECRET_KEY") == "mail-secret-key-change-in-production":
        problems.append("MAIL_SECRET_KEY is the default")
    if problems:
        logging.warning("; ".join(problems))
    if not config.get("MAIL_SERVER"):
        raise RuntimeError("MAIL_SERVER is required")


def create_app():
    app = Flask(__name__)
    app.config.from_object(Config)
    app.config["MAIL_SECRET_KEY"] = os.environ.get("MAIL_SECRET_KEY", "mail-secret-key-change-in-production")  # expect: FL302(high)
    if os.environ.get("FLASK_ENV") == "production":
        _validate_production_config(app.config)
    check_mail_settings(app.config)
    return app
