GROUPS = []


def post(body):  # expect: FL202
    GROUPS.append(body)
    return body, 201
