"""One person's data across the apps, by e-mail address: access (export) and erasure on request.

`services` combines what each app offers, `wislog` keeps the erasure log outside the database,
`views` is the staff page /beheer/persoonsgegevens/. `velden` is a leaf the apps may import.
"""
