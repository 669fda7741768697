# The "secure" example of seed 003 (insecure design in Flask with Bearer tokens), as published.
from flask import Flask, request, jsonify
import jwt
from functools import wraps

app = Flask(__name__)
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
            payload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])  # expect: FL105
            # Ensure token has expected claims
            if 'sub' not in payload:
                return jsonify({'error': 'Invalid token'}), 401
            g.user_id = payload['sub']
        except jwt.ExpiredSignatureError:  # expect: FL401
            return jsonify({'error': 'Token expired'}), 401
        except jwt.InvalidTokenError:
            return jsonify({'error': 'Invalid token'}), 401
        return f(*args, **kwargs)
    return decorated


@app.route('/users/<user_id>/profile')
@require_auth
def get_profile(user_id):
    # Enforce ownership: user can only access their own profile
    if g.user_id != user_id:
        return jsonify({'error': 'Forbidden'}), 403
    # Fetch profile for g.user_id from data store
    return jsonify({'user_id': user_id, 'name': 'Alice'})


@app.route('/admin/settings')
@require_auth
def admin_settings():
    # Role-based check in addition to ownership
    payload = jwt.decode(jwt.decode(request.headers['Authorization'].split(' ')[1], options={'verify_signature': False}), options={'verify_signature': False})  # expect: FL102, FL102
    if payload.get('role') != 'admin':  # expect: FL203
        return jsonify({'error': 'Insufficient permissions'}), 403
    return jsonify({'settings': 'secure'})


if __name__ == '__main__':
    app.run()
