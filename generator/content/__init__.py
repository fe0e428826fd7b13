"""The pack's content, renderer-neutral: `build_pack` turns checked input into a `Pack` of blocks."""
