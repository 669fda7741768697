"""A project's logging helper names its levels as class attributes (hrms-flask's `Logger`):
`DEBUG = "DEBUG"` is a level's name, not Flask's debug switch."""
import logging


class Logger:
    DEBUG = "DEBUG"
    INFO = "INFO"
    WARNING = "WARNING"

    @staticmethod
    def debug(message):
        logging.getLogger("app").debug(message)
