"""The graphical front end: the only package that imports pygame and pygame_gui."""
