"""Two applications in one tree, each with a `post` table (flasklint run on a folder of several
projects): the journal's posts are its operator's (its schema is `schema.sql`, no model class),
the forum's belong to their authors. A table is looked up among the classes of the asking
module's own application: the journal's `UPDATE post` is not judged by the forum's `Post`."""
import sqlite3

from flask import Flask, g, request
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.config.from_prefixed_env()
login_manager = LoginManager(app)


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect("journal.sqlite")
    return g.db


@app.route("/posts/<int:post_id>", methods=["POST"])
@login_required
def edit_post(post_id):
    db = get_db()
    db.execute("UPDATE post SET body = ? WHERE id = ?", (request.form["body"], post_id))
    db.commit()
    return "", 204
