"""Seed 000, "Flask-JWT-Extended with strict settings": the secret is the tutorial placeholder."""
from datetime import timedelta

from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required

app = Flask(__name__)
app.config['JWT_SECRET_KEY'] = 'super-secret-key'  # expect: FL302
app.config['JWT_ALGORITHM'] = 'HS256'
app.config['JWT_ACCESS_TOKEN_EXPIRES'] = timedelta(minutes=15)
app.config['JWT_DECODE_ALGORITHMS'] = ['HS256']
app.config['JWT_LEEWAY'] = 0
app.config['JWT_DECODE_AUDIENCE'] = 'api.example.com'
app.config['JWT_DECODE_ISSUER'] = 'auth.example.com'
jwt = JWTManager(app)


@app.route('/items')
@jwt_required()
def list_items():
    current_user = get_jwt_identity()
    return jsonify(items=[], user=current_user)
