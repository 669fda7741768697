"""The back office's own login, written as its name: whoever guesses the phrase is in."""

ADMIN_PASSWORD = "admin password"  # expect: FL305(medium)
