"""The trap beside FL303-json-only: the same settings, but one authenticated route takes a
form POST (hasnainwebcodes' shop edits products from a form), which any site can send: the
missing CSRF protection stays medium. So does a JSON read with `force=True`, which ignores
the content type."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, jwt_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
app.config["JWT_COOKIE_SECURE"] = True
app.config["JWT_COOKIE_CSRF_PROTECT"] = False  # expect: FL303(medium)
jwt = JWTManager(app)
db = SQLAlchemy(app)


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(200))


@app.post("/login")
def login():
    return jsonify(token=create_access_token(identity="alice"))


@app.post("/products")
@jwt_required()
def create_product():
    data = request.get_json(force=True)
    db.session.add(Product(name=data["name"]))
    db.session.commit()
    return jsonify(ok=True), 201


@app.post("/products/<int:product_id>/edit")
@jwt_required()
def edit_product(product_id):
    product = db.get_or_404(Product, product_id)
    product.name = request.form["name"]
    db.session.commit()
    return jsonify(ok=True)
