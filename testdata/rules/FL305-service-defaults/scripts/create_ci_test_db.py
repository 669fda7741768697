"""What a CI job runs to create its throwaway test database: development code, low."""
import psycopg2

connection = psycopg2.connect(host="postgres", user="ci_user", password="ci_password_1")  # expect: FL305(low)
