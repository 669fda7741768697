import time

import httpx
import jwt


class PushService:
    # tcz-server's APNs provider token: minted by a class method, cached on the class, and sent
    # only in the lowercase `authorization` header of requests to Apple, whose protocol has no
    # `exp` (Apple refuses a token older than an hour): low.
    _token = None
    _token_expiry = 0

    @classmethod
    def _provider_token(cls, team_id, key):
        now = time.time()
        if cls._token and now < cls._token_expiry:
            return cls._token
        cls._token = jwt.encode({"iss": team_id, "iat": int(now)}, key, algorithm="ES256")  # expect: FL106(low)
        cls._token_expiry = now + 50 * 60
        return cls._token

    @staticmethod
    def send(device, payload, team_id, key):
        token = PushService._provider_token(team_id, key)
        headers = {"authorization": f"bearer {token}", "apns-push-type": "alert"}
        with httpx.Client(http2=True) as client:
            return client.post(f"https://api.push.apple.com/3/device/{device}", json=payload, headers=headers)
