nav-agreement = Överenskommelse
