import jwt


def none_token():
    return jwt.encode({"sub": "1", "exp": 1_900_000_000}, None, algorithm="none")


def debug_client(app):
    app.run(debug=True)
