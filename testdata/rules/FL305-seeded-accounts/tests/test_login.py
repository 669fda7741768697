from werkzeug.security import generate_password_hash

from shop import User


def test_login_accepts_the_password():
    user = User(username="carol", password_hash=generate_password_hash("correct horse"))
    assert user.username == "carol"
