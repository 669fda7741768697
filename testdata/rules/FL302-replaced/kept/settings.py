"""Trap: a random key set *before* the configuration is loaded is overwritten by the class's
literal, which is what signs: still reported."""


class Config:
    SECRET_KEY = "dev-key"  # expect: FL302(high)
