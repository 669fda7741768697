"""A table of defaults applied when the environment lacks a key (Mailu's configuration)."""
import os

DEFAULT_CONFIG = {
    "SECRET_KEY": "changeMe",  # expect: FL302
    "DEBUG": False,
    "MESSAGE_LIMIT": 50,
}
# Not a table of settings: a mapping of messages.
ERRORS = {"SECRET_KEY": "the secret key is missing"}


def load(config):
    config.update({key: os.environ.get(key, value) for key, value in DEFAULT_CONFIG.items()})
