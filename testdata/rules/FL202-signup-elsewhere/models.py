class User:
    def __init__(self, **fields):
        self.__dict__.update(fields)


class Storage:
    def get(self, kind, key):
        raise NotImplementedError

    def save(self, record):
        raise NotImplementedError


storage = Storage()
