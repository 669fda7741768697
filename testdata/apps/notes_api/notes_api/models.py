"""An in-memory store, enough for the tutorial; swap in SQLAlchemy for real use."""
import itertools

from werkzeug.security import check_password_hash, generate_password_hash

_users = {}
_notes = {}
_ids = itertools.count(1)


def init_app(app):
    if not _users:
        add_user("alice", "correct horse battery staple", is_admin=True)
        add_user("bob", "hunter2")


def add_user(username, password, is_admin=False):
    user_id = next(_ids)
    _users[user_id] = {
        "id": user_id,
        "username": username,
        "password_hash": generate_password_hash(password),
        "is_admin": is_admin,
    }
    _notes[user_id] = []
    return _users[user_id]


def find_user(username):
    return next((u for u in _users.values() if u["username"] == username), None)


def get_user(user_id):
    return _users.get(user_id)


def check_password(user, password):
    return check_password_hash(user["password_hash"], password)


def notes_for(user_id):
    return _notes.setdefault(user_id, [])


def add_note(user_id, text):
    note = {"id": next(_ids), "text": text}
    notes_for(user_id).append(note)
    return note


def all_users():
    return list(_users.values())
