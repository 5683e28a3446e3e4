"""Pure analysis: frames in, frames out (coverage, forecast, participation, history)."""
