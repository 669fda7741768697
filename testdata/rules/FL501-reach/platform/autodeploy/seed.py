"""A maintenance script beside the backend: it runs with the root's requirements and never
touches tokens."""
import json


def seed(path):
    with open(path) as handle:
        return json.load(handle)
