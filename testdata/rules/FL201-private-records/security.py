from flask import request

BLOCKED = set()


def is_ip_blocked():
    return request.remote_addr in BLOCKED
