"""One small module per output format; each takes a `Pack` and returns the path it wrote."""
