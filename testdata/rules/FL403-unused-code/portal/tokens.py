import jwt

KEY = "k" * 40


class TokenService:
    @staticmethod
    def decode_for_debugging(token):
        return jwt.decode(token, options={"verify_signature": False})  # expect: FL102(low)

    @staticmethod
    def subject(token):
        return jwt.decode(token, options={"verify_signature": False})["sub"]  # expect: FL102


def check_token(token):
    return jwt.decode(token, KEY, algorithms=["HS256"], audience="portal", issuer="portal")
