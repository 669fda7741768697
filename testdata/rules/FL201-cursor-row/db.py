import mysql.connector


def get_db():
    return mysql.connector.connect(host="db", user="app", database="hackathon")
