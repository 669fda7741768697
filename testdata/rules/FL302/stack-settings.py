# A compose stack's settings, triaged with Bandit: `# nosec` says the project keeps the value on
# purpose, so it is reported at low.
SECRET_KEY = "greenwave"  # nosec  # expect: FL302(low)
