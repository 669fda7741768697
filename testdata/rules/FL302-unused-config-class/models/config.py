from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Setting(db.Model):
    __tablename__ = "config"
    id = db.Column(db.Integer, primary_key=True)
    value = db.Column(db.String(200))
