"""A task owner removes a person from a task's shares: the raw SQL selects the share row by the
task (checked to be the caller's) and the person together, so the person's id reaches nothing
outside the caller's task. Moving every share of a person onto the caller's task selects by
the person alone (the task is a new value, not a selector)."""
import sqlite3

from flask import Flask, flash, redirect, url_for
from flask_login import current_user, login_required

app = Flask(__name__)


def get_db():
    return sqlite3.connect("tasks.db")


def get_item(item_id):
    return get_db().execute("SELECT * FROM tasks WHERE id = ?", (item_id,)).fetchone()


@app.route("/unshare/<task_id>/<user_id>", methods=["POST"])
@login_required
def unshare(task_id, user_id):
    item = get_item(task_id)
    if not item or item["user_id"] != current_user.id:
        flash("You cannot unshare this task.")
        return redirect(url_for("index"))
    db = get_db()
    db.execute("DELETE FROM task_shares WHERE task_id = ? AND user_id = ?", (task_id, user_id))
    db.commit()
    return redirect(url_for("index"))


@app.route("/move-shares/<task_id>/<user_id>", methods=["POST"])
@login_required
def move_shares(task_id, user_id):  # expect: FL201
    item = get_item(task_id)
    if not item or item["user_id"] != current_user.id:
        return redirect(url_for("index"))
    db = get_db()
    db.execute("UPDATE task_shares SET task_id = ? WHERE user_id = ?", (task_id, user_id))
    db.commit()
    return redirect(url_for("index"))


@app.route("/")
@login_required
def index():
    return "ok"
