"""First-run setup: the administrator starts with a known password, and every request is sent
to the change-password page while the stored hash still matches it. The project looks for that
very value, so it is a sentinel (low); the support account's written password is not."""
from flask_bcrypt import Bcrypt

from models import User, db

bcrypt = Bcrypt()

DEFAULT_PASSWORD = "hashview"  # expect: FL305(low)
SUPPORT_PASSWORD = "support-2024!"  # expect: FL305


def add_admin_user():
    db.session.add(User(email="admin@localhost", password=bcrypt.generate_password_hash(DEFAULT_PASSWORD)))
    db.session.add(User(email="support@localhost", password=bcrypt.generate_password_hash(SUPPORT_PASSWORD)))
    db.session.commit()


def admin_pass_needs_changed():
    admin = User.query.get(1)
    return bcrypt.check_password_hash(admin.password, DEFAULT_PASSWORD)
