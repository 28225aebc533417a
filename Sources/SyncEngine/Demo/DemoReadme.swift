extension DemoCatalogue {
    /// The demo folder's README.txt: what each sync of the demo shows.
    var readme: String {
        """
        SyncDeck demo workspace
        =======================

        This folder was created by running syncdeck without arguments. Its data was
        generated on \(today) and covers the days just before it. Edit workspace.json freely:
        SyncDeck never overwrites it. Delete this folder to get a fresh demo.

        What each sync shows:

          acme/orders          Daily CSV, clean: a default execution ends FINISHED. The
                               destination appends rows, so re-importing a day asks you
                               to confirm, because it would duplicate that day's orders.
          acme/customers       Snapshot (no days): only the Default tab is offered.
                               Upserts by id, so running it again changes nothing.
          acme/payments        Runs the program bin/export-payments, whose API key was
                               revoked: it exits with code 77, so every execution ends
                               in ERROR with the authentication category.
          globex/shipments     Daily CSV with a few invalid records: a non-integer id,
                               a timestamp that is not a timestamp and an empty
                               required field, on \(shipmentDefects.keys.sorted().map(\.description).joined(separator: ", ")).
                               Executions end FINISHED with warnings, and the details
                               list each kind with examples.
          globex/returns       Daily JSONL whose file for \(returnsMissingDay) is missing: the
                               default execution stops with ERROR on that day and keeps
                               the days before it. Replace mode: a re-import deletes the
                               day's earlier rows first.
          globex/invoices      Runs the program bin/export-invoices for each day (a
                               command source): it prints the day's invoices as JSON
                               Lines, and its messages on standard error appear in the
                               execution's log.
          initech/events       Daily CSV, \(eventsPerDay) events a day (about \(approximateEventsMegabytes) MB in all):
                               long enough to watch IN PROGRESS and to cancel.
                               Upserts by event_id.
          initech/sessions     A contract that ended: lastDay is \(sessionsDays.last), so later
                               days are not part of the sync.
          cafe/reservations    A small clean sync of a client whose name is not ASCII.

        Data files are under data/ and export programs under bin/. Destinations are created under out/ by the first
        execution, and the state (executions, import ledger, logs) under .syncdeck/.

        """
    }

    /// An estimate of the size of Initech's events, at about 48 bytes a row.
    private var approximateEventsMegabytes: Int {
        max(eventsPerDay * eventsDays.count * 48 / 1_000_000, 1)
    }
}
