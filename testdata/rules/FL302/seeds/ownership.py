"""Seed 003's token check: the HMAC secret is a placeholder module constant."""
from functools import wraps

import jwt
from flask import g, jsonify, request

SECRET_KEY = 'your-secure-secret'  # expect: FL302
ALGORITHM = 'HS256'


def require_auth(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        auth = request.headers.get('Authorization')
        if not auth or not auth.startswith('Bearer '):
            return jsonify({'error': 'Unauthorized'}), 401
        token = auth.split(' ')[1]
        try:
            payload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM], audience='api', issuer='auth')
            if 'sub' not in payload:
                return jsonify({'error': 'Invalid token'}), 401
            g.user_id = payload['sub']
        except jwt.InvalidTokenError:
            return jsonify({'error': 'Invalid token'}), 401
        return f(*args, **kwargs)
    return decorated
