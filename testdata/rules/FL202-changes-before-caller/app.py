"""StonewallNexus's `edit_user` sets a user's name and e-mail from the form and reads
`current_user` only later, asking the signed-in administrator to confirm their own password
before a promotion: an anonymous caller makes every other change (high). A handler that asks
who the caller is before it changes anything is authenticated in a way flasklint cannot see
(silent), and a login that checks the submitted password is public by design (silent). faf's
`item` reads `g.user` between its changes and the commit, so an anonymous request fails before
anything is saved (silent); a page that marks a tournament started once its date has passed
changes nothing the caller chooses (silent)."""
from datetime import datetime

from flask import Flask, abort, g, redirect, request
from flask_login import LoginManager, current_user, login_required, login_user
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80))
    email = db.Column(db.String(120))
    is_super_admin = db.Column(db.Boolean)


class Tournament(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    is_active = db.Column(db.Boolean)
    start_at = db.Column(db.DateTime)
    assigned_to = db.Column(db.String(80))


@app.route("/logout")
@login_required
def logout():
    return redirect("/")


@app.route("/login", methods=["POST"])
def login():
    user = User.query.filter_by(email=request.form["email"]).first_or_404()
    if not user.check_password(request.form["password"]):
        abort(401)
    login_user(user)
    return redirect("/")


@app.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
def edit_user(user_id):  # expect: FL202(high)
    user = User.query.get_or_404(user_id)
    if request.method == "POST":
        user.username = request.form.get("username")
        user.email = request.form.get("email")
        if request.form.get("promote"):
            if not current_user.check_password(request.form.get("admin_password")):
                return redirect("/users")
            user.is_super_admin = True
        db.session.commit()
        return redirect("/users")
    return "form"


@app.route("/users/<int:user_id>/rename", methods=["POST"])
def rename_user(user_id):
    if not current_user.is_super_admin:
        abort(403)
    user = User.query.get_or_404(user_id)
    user.username = request.form.get("username")
    db.session.commit()
    return redirect("/users")


@app.route("/problems/<int:problem_id>/<assignee>")
def reassign_problem(problem_id, assignee):
    problem = Tournament.query.get_or_404(problem_id)
    problem.assigned_to = request.args.get("who", assignee)
    problem.assigned_by = g.user.username
    db.session.commit()
    return redirect("/problems")


@app.route("/tournaments/<int:tournament_id>")
def about_tournament(tournament_id):
    tournament = Tournament.query.get_or_404(tournament_id)
    if not tournament.is_active and datetime.now() > tournament.start_at:
        tournament.is_active = True
        db.session.commit()
    mine = current_user.is_authenticated and current_user.id == tournament.id
    return f"{tournament.id} {mine}"
