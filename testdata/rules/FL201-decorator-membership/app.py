"""UniConfMgr's `organizer_required`: the decorator looks up the caller's approved organizer
role on the conference the URL names (`kwargs.get("conf_id")` with `session["user_id"]`) and
refuses without it, so `conf_id` is bound to the caller. A paper id the decorator never sees
is not."""
from functools import wraps

from flask import Flask, abort, jsonify, redirect, session
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class Conference(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer)
    title = db.Column(db.String)


class ConferenceRole(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer)
    conference_id = db.Column(db.Integer)


class Paper(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer)
    abstract = db.Column(db.String)


def organizer_required(f):
    @wraps(f)
    def decorated_function(*args, **kwargs):
        if "user_id" not in session:
            return redirect("/login")
        conference_id = kwargs.get("conf_id")
        if not conference_id:
            abort(400)
        is_organizer = ConferenceRole.query.filter_by(
            user_id=session["user_id"], conference_id=conference_id
        ).first()
        if not is_organizer:
            return redirect("/dashboard")
        return f(*args, **kwargs)

    return decorated_function


@app.route("/conference/<int:conf_id>/edit", methods=["POST"])
@organizer_required
def edit_conference(conf_id):
    conference = Conference.query.get_or_404(conf_id)
    conference.title = "renamed"
    db.session.commit()
    return jsonify(ok=True)


@app.route("/conference/<int:conf_id>/papers/<int:paper_id>")
@organizer_required
def show_paper(conf_id, paper_id):  # expect: FL201
    paper = Paper.query.get_or_404(paper_id)
    return jsonify(abstract=paper.abstract)
