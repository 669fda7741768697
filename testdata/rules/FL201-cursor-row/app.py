"""A hackathon site on raw SQL: a request's row, fetched by the URL's id, is checked against the
caller before the update; a team's row is only compared to pick what the page shows."""
from flask import Flask, flash, redirect, render_template, session

from db import get_db

app = Flask(__name__)


def login_required(view):
    def wrapper(*args, **kwargs):
        if "user_id" not in session:
            return redirect("/login")
        return view(*args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


@app.route("/team/request/<int:request_id>/approve", methods=["POST"])
@login_required
def approve_request(request_id):
    cursor = get_db().cursor(dictionary=True)
    cursor.execute(
        "SELECT tm.*, t.team_leader_id FROM team_members tm JOIN teams t ON tm.team_id = t.id WHERE tm.id = %s",
        (request_id,),
    )
    request_data = cursor.fetchone()
    if request_data["team_leader_id"] != session["user_id"]:
        flash("Only the team leader can approve requests.")
        return redirect("/")
    cursor.execute("UPDATE team_members SET status = 'accepted' WHERE id = %s", (request_id,))
    return redirect("/")


@app.route("/team/<int:team_id>/members")
@login_required
def team_members(team_id):  # expect: FL201
    cursor = get_db().cursor(dictionary=True)
    cursor.execute("SELECT * FROM teams WHERE id = %s", (team_id,))
    team = cursor.fetchone()
    cursor.execute(
        "SELECT u.email, u.full_name FROM team_members tm JOIN users u ON tm.user_id = u.id WHERE tm.team_id = %s",
        (team_id,),
    )
    members = cursor.fetchall()
    is_leader = team["team_leader_id"] == session["user_id"]
    return render_template("team.html", team=team, members=members, is_leader=is_leader)
