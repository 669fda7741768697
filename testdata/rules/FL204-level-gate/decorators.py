from functools import wraps

from flask_login import current_user


def only_left_hand(func):
    @wraps(func)
    def decorated_view(*args, **kwargs):
        if current_user.permissions >= 13:
            return func(*args, **kwargs)

    return decorated_view


def audited(func):
    @wraps(func)
    def decorated_view(*args, **kwargs):
        print("admin call by", current_user.permissions)
        return func(*args, **kwargs)

    return decorated_view
