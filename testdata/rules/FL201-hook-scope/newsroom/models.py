class Query:
    def get_or_404(self, ident):
        return ident

    def filter_by(self, **kwargs):
        return self

    def delete(self):
        return 0


class Note:
    query = Query()


class Journalist:
    query = Query()
