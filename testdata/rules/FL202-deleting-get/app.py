"""A GET link that deletes is a state change whatever its method says: gymapi's
`GET /remove/<identifier>`, the target of an admin page's links, deletes any member by SSN with
no login while the app's API routes require a token. A GET that only reads stays a read, and
logging out (which drops the caller's own session row) is public by design."""
from flask import Flask, redirect, render_template, session
from flask_login import login_required

from .models import Member, SessionRow, db

app = Flask(__name__)


@app.get("/members")
@login_required
def members():
    return render_template("members.html", members=Member.query.all())


@app.route("/remove/<identifier>")
def remove(identifier):  # expect: FL202
    member = Member.query.filter_by(ssn=identifier).first()
    if member:
        db.session.delete(member)
        db.session.commit()
    return redirect("/members")


@app.route("/purge-inactive")
def purge_inactive():  # expect: FL202
    Member.query.filter_by(active=False).delete()
    db.session.commit()
    return redirect("/members")


@app.route("/directory")
def directory():
    return render_template("directory.html", count=Member.query.count())


@app.route("/logout")
def logout():
    row = SessionRow.query.get(session.get("sid"))
    db.session.delete(row)
    db.session.commit()
    return redirect("/")
