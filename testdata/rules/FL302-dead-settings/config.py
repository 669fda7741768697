"""The configuration the app loads (`from_object(config[name])`): its weak fallback signs."""
import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "this_needs_to_be_more_secure")  # expect: FL302(high)


config = {"default": Config}
