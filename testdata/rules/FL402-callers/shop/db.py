class Session:
    def add(self, row):
        return row

    def commit(self):
        return None

    def rollback(self):
        return None


session = Session()
