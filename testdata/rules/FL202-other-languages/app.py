"""A hotel site written in Turkish and English: its sign-up (`/kayit`), its forgotten-password
mail (`send_pass_link`) and a room list read with a connection of its own are open by
design; adding a room is not."""
import sqlite3 as sql

from flask import Flask, redirect, render_template, request, url_for
from flask_login import LoginManager, login_required, login_user

from models import Room, User, db

app = Flask(__name__)
login_manager = LoginManager(app)


@app.route("/giris", methods=["POST"])
def giris():
    user = User.query.filter_by(email=request.form["mail"]).first()
    if user and user.check_password(request.form["pass"]):
        login_user(user)
    return redirect(url_for("panel"))


@app.route("/kayit", methods=["POST", "GET"])
def kayit():
    if request.method == "POST":
        user = User(email=request.form["mail"], email_confirmed=True)
        user.set_password(request.form["pass"])
        db.session.add(user)
        db.session.commit()
    return render_template("register.html")


@app.route("/send_pass_link", methods=["POST", "GET"])
def send_pass_link():
    user = User.query.filter_by(email=request.form["email"]).first()
    if user:
        user.send_pass_link()
    return redirect(url_for("giris"))


@app.route("/odalar", methods=["POST", "GET"])
def odalar():
    con = sql.connect("hotel.sqlite")
    con.row_factory = sql.Row
    cur = con.cursor()
    cur.execute("SELECT isim, fiyat FROM odalar WHERE otel_id =" + request.form["otel_id"])
    return render_template("rooms.html", rooms=cur.fetchall())


@app.route("/odaekle", methods=["POST"])
def oda_ekle():  # expect: FL202
    db.session.add(Room(name=request.form["isim"], price=request.form["fiyat"]))
    db.session.commit()
    return redirect(url_for("panel"))


@app.route("/panel")
@login_required
def panel():
    return render_template("panel.html")
