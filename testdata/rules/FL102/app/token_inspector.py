"""A support tool that pretty-prints tokens: its own `decode`, not PyJWT's."""
import base64
import json


class TokenInspector:
    def __init__(self, verify=True):
        self.verify = verify

    def decode(self, token, options=None):
        header, payload, _ = token.split(".")
        return {
            "header": self._segment(header),
            "payload": self._segment(payload),
            "options": options or {},
        }

    @staticmethod
    def _segment(segment):
        padded = segment + "=" * (-len(segment) % 4)
        return json.loads(base64.urlsafe_b64decode(padded).decode("utf-8"))


def describe(token):
    inspector = TokenInspector(verify=False)
    return inspector.decode(token, options={"verify_signature": False})
