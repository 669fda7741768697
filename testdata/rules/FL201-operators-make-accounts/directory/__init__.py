"""iforge's print queue: the login makes the local account of any university LDAP user on first
sign-in, two calls down (`return_or_create_user` then `User.create_from_ldap`). The whole
directory may join, and a command making accounts too does not close the app: high."""
import click
from flask import Flask, request
from flask_jwt_extended import JWTManager, create_access_token, jwt_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
JWTManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    uid = db.Column(db.String(40))

    @classmethod
    def create_from_ldap(cls, uid):
        user = cls(uid=uid)
        db.session.add(user)
        db.session.commit()
        return user


class PrintJob(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))


def ldap_authenticate(uid, password):
    return bool(uid and password)


def return_or_create_user(uid):
    user = User.query.filter_by(uid=uid).first()
    if user is None:
        user = User.create_from_ldap(uid)
    return user


@app.cli.command("add-user")
@click.argument("uid")
def add_user(uid):
    db.session.add(User(uid=uid))
    db.session.commit()


@app.post("/auth/login")
def login():
    if not ldap_authenticate(request.json["uid"], request.json["password"]):
        return {"error": "invalid"}, 401
    user = return_or_create_user(request.json["uid"])
    return {"token": create_access_token(identity=str(user.id))}


@app.delete("/jobs/<int:job_id>")
@jwt_required()
def delete_job(job_id):  # expect: FL201(high)
    db.session.delete(PrintJob.query.get_or_404(job_id))
    db.session.commit()
    return {"deleted": job_id}
