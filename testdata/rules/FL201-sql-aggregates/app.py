"""StockLeague's league analytics: `SELECT AVG(...), SUM(...), COUNT(*) FROM league_member_stats
WHERE league_id = ?` answers averages over a league's members, no member's row. Picking a
member's own columns beside an aggregate answers their rows, and is reported."""
import sqlite3

from flask import Flask, g, jsonify
from flask_login import LoginManager, login_required

app = Flask(__name__)
LoginManager(app)

SCHEMA = """
CREATE TABLE league_member_stats (id INTEGER PRIMARY KEY, league_id INTEGER, user_id INTEGER,
                                  sharpe_ratio REAL, trades_count INTEGER);
"""


def get_connection():
    if "db" not in g:
        g.db = sqlite3.connect("league.db")
    return g.db


@app.get("/api/league/<int:league_id>/analytics")
@login_required
def league_analytics(league_id):
    cursor = get_connection().cursor()
    cursor.execute(
        """
        SELECT AVG(sharpe_ratio) AS avg_sharpe, SUM(trades_count) AS total_trades,
               COUNT(*) AS member_count
        FROM league_member_stats
        WHERE league_id = ?
        """,
        (league_id,),
    )
    avg_sharpe, total_trades, member_count = cursor.fetchone()
    return jsonify(avg_sharpe=avg_sharpe, total_trades=total_trades, members=member_count)


@app.get("/api/league/<int:league_id>/members")
@login_required
def league_members(league_id):  # expect: FL201
    cursor = get_connection().cursor()
    cursor.execute(
        "SELECT user_id, AVG(sharpe_ratio) FROM league_member_stats WHERE league_id = ? GROUP BY user_id",
        (league_id,),
    )
    return jsonify(cursor.fetchall())
