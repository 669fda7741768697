# The "secure verification" example of seed 000 (JWT misconfiguration in Flask with bearer
# tokens), as published: the helper's sentinels become distinct responses in `profile()`.
import jwt
from flask import Flask, request, jsonify, current_app

app = Flask(__name__)


def verify_bearer_token(req):
    auth = req.headers.get('Authorization')
    if not auth or not auth.startswith('Bearer '):
        return None
    token = auth.split(' ')[1]
    try:
        # Explicitly set algorithm and expected claims
        decoded = jwt.decode(
            token,
            key=current_app.config['JWT_PUBLIC_KEY'],
            algorithms=['RS256'],
            audience='api.example.com',
            issuer='auth.example.com',
            options={'require': ['exp', 'iss', 'aud']}
        )
        return decoded
    except jwt.ExpiredSignatureError:
        return 'expired'
    except jwt.InvalidTokenError:
        return 'invalid'


@app.route('/profile')
def profile():
    claims = verify_bearer_token(request)
    if claims is None:
        return jsonify(error='Authorization header required'), 401
    if claims == 'expired':  # expect: FL401
        return jsonify(error='Token expired'), 401
    if claims == 'invalid':
        return jsonify(error='Invalid token'), 401
    return jsonify(user=claims['sub'])


@app.route('/settings')
def settings():
    # Trap: the same sentinels, answered alike.
    claims = verify_bearer_token(request)
    if claims == 'expired':
        return jsonify(error='Unauthorized'), 401
    elif claims == 'invalid':
        return jsonify(error='Unauthorized'), 401
    return jsonify(user=claims['sub'])
