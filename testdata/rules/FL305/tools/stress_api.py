"""A maintainer's load test against a local instance (pritunl's tools/)."""
import requests

API_TOKEN = "Tq9-Mole-Fjord-58"  # expect: FL305(low)


def run():
    requests.get("http://127.0.0.1:9700/status", headers={"Auth-Token": API_TOKEN}, timeout=5)
