# PowerDNS-Admin's development settings, in a `configs/` folder: not reported.
SECRET_KEY = "e951e5a1f4b94151b360f47edf596dd2"
