"""Allow `python -m generator` as an alias for the `prep-pack` command."""

from generator.cli import main

main()
