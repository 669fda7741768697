"""A shelter's site (petpal, a dormitory's lobby form): visitors without an account apply to
adopt, ask about an animal and write to the staff. Each form makes one new record of a
submission kind whose `email=` the visitor gives: open by design, not a forgotten login. The
staff's own pages require one; routes that change the shelter's records, or make records
that are not submissions, are still reported."""
from flask import Flask, jsonify, request
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class Animal(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String)


class AdoptionApplication(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    animal_id = db.Column(db.Integer)
    email = db.Column(db.String)


class Usermessage(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String)
    message = db.Column(db.String)


class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer)
    email = db.Column(db.String)


@app.post("/animals/<int:animal_id>/apply")
def apply_for_animal(animal_id):
    Animal.query.get_or_404(animal_id)
    data = request.form
    application = AdoptionApplication(animal_id=animal_id, email=data["email"])
    db.session.add(application)
    db.session.commit()
    return jsonify({"message": "Application submitted"}), 201


@app.route("/Message", methods=["GET", "POST"])
def contactus():
    if request.method == "POST":
        task_email = request.form["email"]
        new_message = Usermessage(message=request.form["message"], email=task_email)
        db.session.add(new_message)
        db.session.commit()
    return "sent"


@app.get("/applications")
@login_required
def list_applications():
    return jsonify([a.id for a in AdoptionApplication.query.all()])


@app.get("/messages")
@login_required
def list_messages():
    return jsonify([m.id for m in Usermessage.query.all()])


@app.post("/employees")
def add_employee():  # expect: FL202
    employee = Employee(email=request.form["email"])
    db.session.add(employee)
    db.session.commit()
    return "added"


@app.post("/users/<int:user_id>/notes")
def add_note(user_id):  # expect: FL202
    note = Note(user_id=user_id, email=request.form["email"], message=request.form["text"])
    db.session.add(note)
    db.session.commit()
    return "added"


@app.post("/animals/<int:animal_id>/rename")
def rename_animal(animal_id):  # expect: FL202
    animal = Animal.query.get_or_404(animal_id)
    animal.name = request.form["name"]
    db.session.add(AdoptionApplication(animal_id=animal_id, email=request.form["email"]))
    db.session.commit()
    return "renamed"


class BookRequest(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    requested_user = db.Column(db.Integer)
    approved = db.Column(db.Boolean)


@app.post("/book-requests")
def request_book():  # expect: FL202
    # Awaiting approval, but no account: a request made for whichever user the body names.
    book_request = BookRequest(requested_user=request.json["user_id"], approved=False)
    db.session.add(book_request)
    db.session.commit()
    return "requested"
