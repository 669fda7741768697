NOTES = {}


def list_notes():
    return list(NOTES.values())


def create_note(body, user):
    NOTES[len(NOTES)] = {"owner": user, **body}
    return body, 201


def read_note(note_id, user):  # expect: FL201
    return NOTES[note_id]


def delete_note(note_id):
    # The spec makes this public on purpose (`security: []`): not a missing check.
    NOTES.pop(note_id, None)
    return "", 204


def archive_note(note_id):  # expect: FL202
    NOTES[note_id]["archived"] = True
    return NOTES[note_id]
