import jwt

SECRET = __import__("os").environ["NOTES_SECRET"]


def decode_token(token, required_scopes=None):
    # A bad token raises, which connexion turns into a 401.
    return jwt.decode(token, SECRET, algorithms=["HS256"], audience="notes", issuer="notes")


def accept_anyone(username, password, required_scopes=None):
    # Refuses nobody: every username and password gets in.
    return {"sub": username}
