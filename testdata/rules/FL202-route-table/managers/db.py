HOMES = {}


def create_all():
    HOMES.clear()
