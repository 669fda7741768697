"""Answers the API gives: texts named for what they say, not credentials. A name's words that
say nothing is wrong are a password, however they are spelled."""

EMPTY_PASSWORD = "empty password"
INCORRECT_PASSWORD = "incorrect password"
WEAK_PASSWORD = "weak password"
INVALID_TOKEN = "invalid token"
ADMIN_PASSWORD = "admin password"  # expect: FL305
