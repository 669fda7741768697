"""Trap: a validator nothing calls refuses nothing: the weak fallback signs the worker's
tokens wherever it runs."""
import os

import jwt


def check_worker_secret():
    if os.getenv("WORKER_SECRET_KEY", "worker-dev") == "worker-dev":
        raise RuntimeError("set WORKER_SECRET_KEY")


WORKER_SECRET_KEY = os.getenv("WORKER_SECRET_KEY", "worker-dev")  # expect: FL302(high)


def sign(job):
    return jwt.encode({"job": job, "exp": 4102444800}, WORKER_SECRET_KEY, algorithm="HS256")
