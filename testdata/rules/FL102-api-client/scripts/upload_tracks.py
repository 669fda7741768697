"""A command-line uploader (gps-tracks's shape): it logs in with `requests` and reads its own id
from the token the server answered; the server verifies that token on every call."""
import jwt
from requests import Session


class Connection:
    def __init__(self, host):
        self.session = Session()
        self.host = host

    def login(self, email, password):
        answer = self.session.post(f"{self.host}/auth/login", json={"email": email, "password": password})
        token = answer.json()["access_token"]
        return jwt.decode(token, options={"verify_signature": False})["identity"]  # expect: FL102(low)


def main():
    print(Connection("http://localhost:5000").login("me@example.com", "secret"))


if __name__ == "__main__":
    main()
