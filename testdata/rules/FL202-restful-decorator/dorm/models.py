class Notice:
    objects = None

    def delete(self):
        pass
