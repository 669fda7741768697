"""Settings for the contest server."""


class Config:
    # the Google account that sends the notification e-mails
    EMAIL_ADDRESS = "contest@example.org"
    EMAIL_PASSWORD = "emailaccountspassword"
    DB_PASSWORD = "contest-db-2024"  # expect: FL305
