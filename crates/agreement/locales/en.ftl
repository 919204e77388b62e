nav-agreement = Agreement
