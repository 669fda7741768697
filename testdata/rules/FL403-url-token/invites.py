INVITES = {}


def accept(token):
    INVITES.pop(token, None)
