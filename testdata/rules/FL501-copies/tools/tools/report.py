import json


def report(rows):
    return json.dumps(rows)
