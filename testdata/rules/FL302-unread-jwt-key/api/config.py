"""The service that verifies the tokens signs them with the same key: high."""


class Config:
    JWT_SECRET_KEY = "Mala_tajna"  # expect: FL302(high)
