import mysql.connector
import psycopg2
import redis
from celery import Celery
from flask import Flask
from sqlalchemy import create_engine

app = Flask(__name__)
app.config.from_object("config.settings.Config")

engine = create_engine("postgresql+psycopg2://reports:Zebra-Lamp-4410@reports-db/reports")  # expect: FL305(medium)
cache = redis.Redis(host="cache", password="Sx8-lantern-Quay")  # expect: FL305(medium)
# The login a database image is set up with, user and password alike: a default, tried first.
warehouse = psycopg2.connect(host="warehouse", user="insights", password="insights")  # expect: FL305(low)
broker = Celery("shop", broker="redis://:password@cache:6379/1")  # expect: FL305(low)
local = create_engine("postgresql://app:Mx7-widget-Rye@127.0.0.1/app")  # expect: FL305(low)
# spudooli's cron scripts: a `host=` on this machine, as in the URL above.
feeds = mysql.connector.connect(host="localhost", user="root", password="Vq7-larch-Nimbus")  # expect: FL305(low)


def connect(user, password):
    # Parameters, not literals.
    return psycopg2.connect(host="db", user=user, password=password)
