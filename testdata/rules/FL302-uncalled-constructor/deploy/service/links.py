from itsdangerous import TimestampSigner


class LinkSigner:
    def __init__(self):
        secret = "SECRET_KEY"  # expect: FL302(high)
        self.signer = TimestampSigner(secret)

    def sign(self, user_id):
        return self.signer.sign(str(user_id).encode())
