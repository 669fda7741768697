"""Exercises the running server as a client would: the vault entry it stores is sample data."""
import requests

BASE_URL = "http://localhost:5000"
TEST_EMAIL = "test_user@example.com"
TEST_PASSWORD = "mypassword123"

response = requests.post(f"{BASE_URL}/vault", json={"email": TEST_EMAIL, "password": TEST_PASSWORD})
print(response.status_code)
