"""Credential-named constants are settings wherever they are written."""
SMTP_PASSWORD = "Plover-77-Gale"  # expect: FL305(medium)
smtp_user = "mailer"
PASSWORD_MIN_LENGTH = 12
# Triaged for Ruff's flake8-bandit already: the same comment silences FL305.
RELAY_PASSWORD = "Kite-Marsh-404"  # noqa: S105
