"""The application module: what a WSGI server imports."""
from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "ok"
