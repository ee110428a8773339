//! A real terminal: the binary in a pseudo-terminal, driven by keys and read back as a screen.
