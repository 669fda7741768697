class Member:
    def __init__(self, user, role):
        self.user = user
        self.role = role


class Organization:
    pass


class User:
    pass
