"""Built-in plugins: each module registers through the same hooks a third-party plugin uses."""
