class Item:
    query = None


class Probe:
    query = None
