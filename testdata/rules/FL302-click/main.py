"""A command-line entry point whose click option fills the session key (kube-ops-view): the
option's default signs sessions wherever neither `--secret-key` nor `SECRET_KEY` is given."""
import click
from flask import Flask, session

app = Flask(__name__)


@app.route("/")
def index():
    return {"user": session.get("user")}


@click.command()
@click.option("--port", type=int, default=8080, envvar="SERVER_PORT")
@click.option("--secret-key", help="Secret key for session cookies", envvar="SECRET_KEY", default="development")  # expect: FL302(high)
def main(port, secret_key):
    app.secret_key = secret_key
    app.run(port=port)


@click.command()
@click.option("--signing-key", envvar="SIGNING_KEY", required=True)
@click.option("--label", default="development")
def strict(signing_key, label):
    # No default: the key must be given. A default of another option is not the key's.
    app.secret_key = signing_key
    app.config["LABEL"] = label
