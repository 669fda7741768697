store = {}
