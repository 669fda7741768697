USERS = {}


def search():
    return list(USERS)


def get(user_id, user):  # expect: FL201
    return USERS[user_id]


def delete(user_id):  # expect: FL202
    USERS.pop(user_id, None)
    return "", 204
