class ApiError(Exception):
    def __init__(self, status_code):
        super().__init__(status_code)
        self.status_code = status_code
