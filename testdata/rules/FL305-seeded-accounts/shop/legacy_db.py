"""safedrive's legacy `database.py`: no module imports it and it runs nothing by itself, so the
administrator its `init_db()` would create never exists (low)."""
import sqlite3

from werkzeug.security import generate_password_hash

DATABASE = "shop.db"


def init_db():
    db = sqlite3.connect(DATABASE)
    db.execute(
        "INSERT INTO users (email, password_hash) VALUES (?, ?)",
        ("admin@shop.example", generate_password_hash("admin123")),  # expect: FL305(low)
    )
    db.commit()
