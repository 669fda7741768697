"""A queue worker's settings (IEP-shop's `Deamon/config.py`): the JWT key is copied from the
services that verify tokens, and nothing of this worker's application reads it: low."""
import os


class Config:
    REDIS_HOST = os.environ["REDIS_HOST"]
    JWT_SECRET_KEY = "Mala_tajna"  # expect: FL302(low)
