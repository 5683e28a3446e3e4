"""What people read: charts, maps, display tables, exports, the text catalogue."""
