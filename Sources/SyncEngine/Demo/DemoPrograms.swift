import Foundation

/// The small export programs of the demo workspace, which its command syncs run.
///
/// They are POSIX shell scripts, so the demo needs nothing beyond `/bin/sh`: one prints a
/// day of invoices as JSON Lines, the other fails the way a program whose credentials were
/// revoked does, with exit code 77.
enum DemoPrograms {
    struct Program {
        /// The path relative to the workspace, as the sync's command names it.
        let path: String
        let text: String
    }

    static let invoicesPath = "bin/export-invoices"
    static let paymentsPath = "bin/export-payments"

    static var all: [Program] {
        [Program(path: invoicesPath, text: invoices), Program(path: paymentsPath, text: payments)]
    }

    /// Writes every program into `folder` and makes it executable.
    static func writeAll(into folder: URL) throws {
        for program in all {
            let url = folder.appendingPathComponent(program.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(program.text.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }

    private static let invoices = #"""
        #!/bin/sh
        # Prints the invoices of one day as JSON Lines, one object a line, as a client's export
        # program would. SyncDeck runs it as: export-invoices --day YYYY-MM-DD
        set -eu
        if [ "$#" -ne 2 ] || [ "$1" != "--day" ]; then
            echo "usage: export-invoices --day YYYY-MM-DD" >&2
            exit 2
        fi
        day="$2"
        digits=$(printf '%s' "$day" | tr -d '-')
        count=$((digits % 5 + 3))
        echo "export-invoices: reading the invoices of $day" >&2
        i=1
        while [ "$i" -le "$count" ]; do
            printf '{"invoice_id": %d, "customer_id": %d, "amount": %d.%02d, "currency": "EUR", "issued_on": "%s"}\n' \
                "$((digits * 100 + i))" "$((i * 7 % 20 + 1))" "$((i * 37 % 500 + 20))" "$((i * 13 % 100))" "$day"
            i=$((i + 1))
        done
        echo "export-invoices: $count invoices written" >&2

        """#

    private static let payments = #"""
        #!/bin/sh
        # Stands for an export whose API key was revoked: it says so on standard error and exits
        # with code 77, which SyncDeck reports as an authentication error.
        echo "export-payments: the API key in ACME_PAYMENTS_KEY was rejected by payments.example.com (HTTP 401)" >&2
        exit 77

        """#
}
