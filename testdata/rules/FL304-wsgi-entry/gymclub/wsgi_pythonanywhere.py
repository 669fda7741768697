# Copy this to /var/www/gymclub_pythonanywhere_com_wsgi.py
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from app import app as application  # noqa: E402
