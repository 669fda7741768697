"""mechanic-shop-api: `POST /customers/` adds a `Customer`, the account `POST /login` looks up,
so it is the sign-up (silent). `POST /vehicles/`, open beside routes that require a token, is
reported."""
import os
from datetime import datetime, timedelta, timezone

import jwt
from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import select

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)


class Customer(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True)
    password = db.Column(db.String(200))


class Vehicle(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    vin = db.Column(db.String(17))
    customer_id = db.Column(db.Integer, db.ForeignKey("customer.id"))


def token_required(view):
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        try:
            claims = jwt.decode(header[7:], os.environ["SECRET_KEY"], algorithms=["HS256"])  # expect: FL105(low)
        except jwt.InvalidTokenError:
            return jsonify(message="invalid token"), 401
        return view(claims["sub"], *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


@app.post("/login")
def login():
    credentials = request.get_json()
    customer = db.session.execute(
        select(Customer).where(Customer.email == credentials["email"])
    ).scalar_one_or_none()
    if not customer or customer.password != credentials["password"]:
        return jsonify(message="Invalid email or password"), 401
    expires = datetime.now(timezone.utc) + timedelta(hours=1)
    token = jwt.encode({"sub": str(customer.id), "exp": expires}, os.environ["SECRET_KEY"], algorithm="HS256")
    return jsonify(auth_token=token)


@app.post("/customers/")
def create_customer():
    data = request.get_json()
    customer = Customer(email=data["email"], password=data["password"])
    db.session.add(customer)
    db.session.commit()
    return jsonify(id=customer.id), 201


@app.get("/customers/")
@token_required
def get_customers(customer_id):
    return jsonify([c.id for c in Customer.query.all()])


@app.post("/vehicles/")
def create_vehicle():  # expect: FL202
    data = request.get_json()
    vehicle = Vehicle(vin=data["vin"], customer_id=data["customer_id"])
    db.session.add(vehicle)
    db.session.commit()
    return jsonify(id=vehicle.id), 201
