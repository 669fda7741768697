"""walle-web's layout: a token class copied from Flask-User whose constructor signs with a
literal key, constructed only in a mail helper nothing calls (low: no request runs it), and a
second class with the same kind of key that a route constructs (high)."""
import os

from flask import Flask, jsonify

from deploy.service import links

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.post("/links/<int:user_id>")
def share(user_id):
    return jsonify(link=links.LinkSigner().sign(user_id))
