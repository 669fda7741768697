# Seeds a development directory server with fake users: a development folder.
USER_PASSWORD = "Vb6-testuser-Reed"  # expect: FL305(low)
