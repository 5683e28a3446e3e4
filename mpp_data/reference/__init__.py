"""Official reference data: regions (Kemendagri codes), MoU agencies, map points. Pure, read-only."""
