nav-registry = Föreningar
