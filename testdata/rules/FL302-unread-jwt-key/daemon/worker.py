from flask import Flask

from config import Config

application = Flask(__name__)
application.config.from_object(Config)


def drain(queue):
    with application.app_context():
        return [item for item in queue]
