"""Creates the first administrator of a new deployment."""
from app import User, app, db

with app.app_context():
    admin = User(username="admin", role="admin")
    admin.set_password("admin123")  # expect: FL305(low)
    db.session.add(admin)
    db.session.commit()
