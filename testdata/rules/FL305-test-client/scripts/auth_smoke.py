"""Drives the app through Flask's test client against a throwaway database it deletes first."""
import os

DB_PATH = os.path.join(os.path.dirname(__file__), "auth_smoke.db")
if os.path.exists(DB_PATH):
    os.remove(DB_PATH)
os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"

from app import User, app, db  # noqa: E402

with app.app_context():
    db.create_all()
    admin = User(username="1", role="admin")
    admin.set_password("irrelevant")
    db.session.add(admin)
    db.session.commit()

client = app.test_client()
print(client.post("/login", data={"username": "1", "password": "irrelevant"}).status_code)
