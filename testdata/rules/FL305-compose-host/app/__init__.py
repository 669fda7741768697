"""Huutokauppa's shape: a database URL whose host is a service of the project's compose file
that publishes no port is reached only by the other containers (low); one whose service
publishes its port keeps the severity."""
from flask import Flask

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://postgres:Tr4ck-Mule-88@auction_db:5432/postgres"  # expect: FL305(low)
app.config["SQLALCHEMY_BINDS"] = {
    "reports": "postgresql://reports:Zebra-Lamp-4410@reports_db:5432/reports",  # expect: FL305(medium)
}
