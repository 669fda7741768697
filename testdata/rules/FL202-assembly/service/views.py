from flask.views import MethodView


class ExportView(MethodView):
    def delete(self, export_id):  # expect: FL202
        return {"id": export_id}


def archive(note_id):  # expect: FL202
    return {"archived": note_id}


def ping():
    return "pong"


def discard_draft(draft_id):  # expect: FL202
    return "", 204
