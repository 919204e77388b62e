nav-signing = Signing book
