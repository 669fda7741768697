from werkzeug.security import generate_password_hash

from shop import User, create_app, db

app = create_app()
with app.app_context():
    for name in ("alice", "bob"):
        db.session.add(User(username=name, password_hash=generate_password_hash("demo1234")))  # expect: FL305(low)
    db.session.commit()
