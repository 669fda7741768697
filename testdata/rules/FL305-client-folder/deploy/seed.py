"""Seeds the production vault's service account: not test code, whatever calls it."""
import requests

SERVICE_PASSWORD = "vault-service-2024"  # expect: FL305

requests.post("https://vault.example.com/accounts", json={"password": SERVICE_PASSWORD})
