import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")


class MailConfig:
    MAIL_SERVER = "smtp.example.com"
