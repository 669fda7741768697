"""Credential-named constants are settings wherever they are written."""
SMTP_PASSWORD = "Plover-77-Gale"  # expect: FL305(medium)
smtp_user = "mailer"
PASSWORD_MIN_LENGTH = 12
