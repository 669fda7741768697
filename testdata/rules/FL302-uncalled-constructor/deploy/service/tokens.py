from itsdangerous import TimestampSigner


class TokenManager(object):
    def __init__(self):
        secret = "SECRET_KEY"  # expect: FL302(low)
        self.signer = TimestampSigner(secret)

    def generate_token(self, user_id):
        return self.signer.sign(str(user_id).encode())
