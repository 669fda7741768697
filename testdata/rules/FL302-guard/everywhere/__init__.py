"""Placeholders the app refuses to start with in every configuration never sign anything: not
reported. A weak value with no guard beside them still is."""
import os

from flask import Flask

DEFAULT = "changeme"

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", DEFAULT)
app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "jwt-placeholder")
app.config["WTF_CSRF_SECRET_KEY"] = os.environ.get("CSRF_SECRET_KEY", "dev")  # expect: FL302
# 30 random-looking characters: about 178 bits, not guessable; but written in the source.
app.config["REMEMBER_SECRET_KEY"] = os.environ.get("REMEMBER_SECRET_KEY", "hV3kPq9ZrW2xLm7TbN4cYs8FdJ6gQa")  # expect: FL301

if app.config["SECRET_KEY"] == DEFAULT:
    raise RuntimeError("set SECRET_KEY")

if app.config.get("JWT_SECRET_KEY") in ("jwt-placeholder", "changeme"):
    raise RuntimeError("set JWT_SECRET_KEY")
