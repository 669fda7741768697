class Config:
    # Trap: credentials with an explicit origin list (flask-cors reads both from the config).
    CORS_SUPPORTS_CREDENTIALS = True
    CORS_ORIGINS = ["https://app.example.com", "https://admin.example.com"]
