"""An assert guard is removed by `python -O`: the placeholder is reported, at low severity."""
from flask import Flask

SECRET_KEY = "dev"  # expect: FL302

app = Flask(__name__)
app.config["SECRET_KEY"] = SECRET_KEY
assert SECRET_KEY != "dev", "set a real SECRET_KEY"
