"""One person's data across the platform, by e-mail address: access (export), erasure on request
and retention.

`register` is where every part declares what it holds (each app in its own `persoonsgegevens`
module, the core in `beheerlog`, `audit` and `mails`); `services` combines them for the staff
page and the `persoon` command, `baz/bewaartermijnen.py` for the `bewaartermijnen` command;
`wislog` keeps the erasure log outside the database; `views` is the staff page
/beheer/persoonsgegevens/. `register` and `velden` are what the apps import.
"""
