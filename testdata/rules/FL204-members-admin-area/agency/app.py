"""Apex's agency site: agents sign up at `/admin/agents/register` and work under `/admin/agents`,
and no route checks a role: the area is every account's own, so a route working on the caller's
own records is low (FL204), and a change of the caller's own photo is silent. A notice every
account shares, posted by any of them, stays high (email-list-management's lists).
The area's open landing page lists the properties the public `/listings` page lists too (FL202
low); its open inquiries page shows what no public page does (FL202 medium)."""
from flask import Flask, redirect, render_template, request
from flask_login import LoginManager, current_user, login_required, login_user
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class Agent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)
    password = db.Column(db.String(60))
    photo = db.Column(db.String(120))


class Property(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    agent_id = db.Column(db.Integer, db.ForeignKey("agent.id"))
    address = db.Column(db.String(120))
    listing_type = db.Column(db.String(10))


class Notice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.Text)


class Inquiry(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sender_email = db.Column(db.String(120))
    text = db.Column(db.Text)


@app.route("/listings")
def listings():
    return render_template("listings.html", properties=Property.query.all())


@app.route("/admin/agents/register", methods=["GET", "POST"])
def register():
    if request.method == "POST":
        agent = Agent(email=request.form["email"], password=request.form["password"])
        db.session.add(agent)
        db.session.commit()
        login_user(agent)
        return redirect("/admin/agents")
    return render_template("register.html")


@app.route("/admin/agents", methods=["GET", "POST"])
def home_agent():  # expect: FL202(low)
    for_sale = Property.query.filter_by(listing_type="sale").all()
    return render_template("home_agent.html", for_sale=for_sale)


@app.route("/admin/agents/inquiries", methods=["GET"])
def inquiries():  # expect: FL202(medium)
    return render_template("inquiries.html", inquiries=Inquiry.query.all())


@app.route("/admin/agents/add_property", methods=["POST"])
@login_required
def add_property():  # expect: FL204(low)
    db.session.add(
        Property(address=request.form["address"], listing_type="sale", agent_id=current_user.id)
    )
    db.session.commit()
    return redirect("/admin/agents")


@app.route("/admin/agents/change_photo", methods=["POST"])
@login_required
def change_photo():
    current_user.photo = request.form["photo"]
    db.session.commit()
    return redirect("/admin/agents")


@app.route("/admin/agents/notices/new", methods=["POST"])
@login_required
def post_notice():  # expect: FL204(high)
    db.session.add(Notice(text=request.form["text"]))
    db.session.commit()
    return redirect("/admin/agents")
