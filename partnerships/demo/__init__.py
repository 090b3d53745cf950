"""Benchmark records: `synthetic.SyntheticRecords` (run by `manage.py generate_records`) bulk-inserts
synthetic published records. The demo itself is in home/demo."""
