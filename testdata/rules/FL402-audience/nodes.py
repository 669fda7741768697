"""View methods of a class-based view flasklint does not route: the caller may be anyone."""
from flask.views import MethodView

from ajax import internal_server_error, not_found
from store import load


class TableView(MethodView):
    def get(self, tid):
        try:
            return load()
        except Exception as e:
            return internal_server_error(errormsg=str(e))

    def put(self, tid):
        try:
            return load()
        except Exception as e:
            return internal_server_error(errormsg=str(e))

    def delete(self, tid):
        try:
            return load()
        except Exception as e:
            return internal_server_error(str(e))

    def post(self):
        try:
            return load()
        except KeyError as e:
            return not_found(errormsg=str(e))
