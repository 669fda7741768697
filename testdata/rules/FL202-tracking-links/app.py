"""A newsletter tool (mail-system's shape): its emails carry an open pixel and click links,
opened from the recipient's mail client, where no login exists; the rest is behind the login."""
from datetime import datetime

from flask import Flask, redirect, request
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class Email(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tracking_id = db.Column(db.String, unique=True)
    opened_at = db.Column(db.DateTime)
    clicked_at = db.Column(db.DateTime)


@app.get("/click/<tracking_id>")
def track_click(tracking_id):
    email = Email.query.filter_by(tracking_id=tracking_id).first()
    if email and not email.clicked_at:
        email.clicked_at = datetime.utcnow()
        db.session.commit()
    return redirect(request.args.get("url", "/"))


@app.get("/pixel/<tracking_id>.gif")
def open_pixel(tracking_id):
    email = Email.query.filter_by(tracking_id=tracking_id).first()
    if email and not email.opened_at:
        email.opened_at = datetime.utcnow()
        db.session.commit()
    return "", 204


@app.post("/emails/<int:email_id>/delete")
def delete_email(email_id):  # expect: FL202
    db.session.delete(Email.query.get_or_404(email_id))
    db.session.commit()
    return redirect("/")


@app.get("/emails")
@login_required
def emails():
    return {"count": Email.query.count()}


@app.post("/emails/<int:email_id>/resend")
@login_required
def resend(email_id):
    Email.query.get_or_404(email_id).opened_at = None
    db.session.commit()
    return redirect("/")
