class User:
    @staticmethod
    def get(identity):
        raise NotImplementedError

    def branches(self):
        return []
