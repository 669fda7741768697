"""StonewallNexus's settings fall back to `'FAIL'` when `GITHUB_SECRET` is unset: a word saying
the value is missing, so that the webhook check fails visibly (silent). A fallback that is a
password is the finding."""
import os


class Config:
    GITHUB_SECRET = os.environ.get("GITHUB_SECRET", "FAIL")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "missing")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "Sunday-Lea9ue")  # expect: FL305
