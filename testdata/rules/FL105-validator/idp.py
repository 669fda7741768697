"""spiff-arena's shape: tokens from identity providers are decoded with `verify_aud` off (the
CLI's and the front end's tokens carry different audiences), and a validator of the same module
refuses an issuer or an audience outside the configured lists."""
import jwt

TRUSTED_ISSUERS = ["https://idp.example.com/realms/main"]
VALID_AUDIENCES = ["backend", "account"]


class TokenInvalid(Exception):
    pass


def parse_token(token, public_key):
    return jwt.decode(
        token, public_key, algorithms=["RS256"], options={"verify_aud": False}  # expect: FL105(low)
    )


def validate_decoded_token(decoded_token):
    if decoded_token["iss"] not in TRUSTED_ISSUERS:
        raise TokenInvalid("issuer")
    audiences = decoded_token.get("aud")
    if isinstance(audiences, str):
        audiences = [audiences]
    if not set(audiences or []) & set(VALID_AUDIENCES):
        raise TokenInvalid("audience")
    return True
