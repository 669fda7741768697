"""Diagnoses a broken start: imports the app and prints its settings."""
from app import app

print(f"Secret key: {'set' if app.config.get('SECRET_KEY') else 'not set'}")
print(f"Routes: {len(list(app.url_map.iter_rules()))}")
