"""One module per screen; each builds pygame_gui widgets from the session's state."""
