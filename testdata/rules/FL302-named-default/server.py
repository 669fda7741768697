"""The default of an environment lookup is the key wherever the variable is unset, even when it
spells the setting's name (eNMS: `getenv("SECRET_KEY", "secret_key")`, the value its install
guide uses too). A constant holding the name of the variable to read is not a key."""
from os import environ, getenv

from flask import Flask
from flask_login import LoginManager

SECRET_KEY_VARIABLE = "SECRET_KEY"


class Server(Flask):
    def update_config(self):
        self.config.update(
            {
                "SECRET_KEY": getenv("SECRET_KEY", "secret_key"),  # expect: FL302(high)
                "WTF_CSRF_TIME_LIMIT": None,
            }
        )


app = Server(__name__)
login_manager = LoginManager(app)
other = Flask("other")
other.config["SECRET_KEY"] = environ[SECRET_KEY_VARIABLE]
