"""The demo site that `manage.py load_demo` builds: invented partners and contributions, and the page
tree around them, in English, French, Spanish and Arabic.

`records.DemoRecordsBuilder` makes the records and `site.DemoSiteBuilder` the pages; `segments` fills
wagtail-localize's translation memory for both, and `indexes` fills the search and reference indexes
once at the end of each. The other modules hold the texts (`text.T` keeps the four languages of one
text side by side) and the plans: `areas`, `partners`, `reviews`, `phrases`, `contributions` and
`rates` (the exchange rates of every currency the contributions use) for the records, `pages`, `index_pages` and `updates` for the pages.

`home` is the top layer of the site, so the demo may use every app; no app imports the demo.
"""
