#!/usr/bin/env bash
# Starts the production server (goalifai's shape).
source ./venv/bin/activate
nohup gunicorn -k gevent -w 2 -b 0.0.0.0:8000 budget:app > gunicorn.log 2>&1 &
