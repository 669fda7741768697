class User:
    rows = {}

    def __init__(self, login_name, password_hash):
        self.login_name = login_name
        self.password_hash = password_hash

    @classmethod
    def create_user(cls, login_name, password_hash):
        cls.rows[login_name] = cls(login_name, password_hash)
        return cls.rows[login_name]

    @classmethod
    def find(cls, login_name):
        return cls.rows.get(login_name)
