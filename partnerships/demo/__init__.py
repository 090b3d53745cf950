"""Demo and benchmark records.

`loader.DemoRecordsBuilder` (run by `manage.py load_demo`) makes the demo's invented partners and
contributions the way editors and reviewers would, through the review workflow, in four languages.
`synthetic.SyntheticRecords` (run by `manage.py generate_records`) bulk-inserts synthetic published
records for benchmarks. The other modules hold the demo's texts and plans.
"""
