"""Open data: the public records as files, a data package and an API.

`schema` is the public contract (resources, column names, types, codes and what each means),
`selection` turns a query string into the records a list page would show, and `records` reads them
as rows, in streaming chunks, in the language asked for. Downloads and the API only format rows."""
