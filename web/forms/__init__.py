"""Forms of the author web app, one module per area (books, covers, account)."""
