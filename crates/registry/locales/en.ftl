nav-registry = Associations
