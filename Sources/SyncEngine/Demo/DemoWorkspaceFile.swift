import SyncModel

extension DemoCatalogue {
    /// The demo's `workspace.json`, written by hand so that keys keep a readable order.
    var workspaceFile: String {
        """
        {
          "clients": [
            {
              "id": "acme",
              "name": "Acme Retail",
              "timeZone": "Europe/Paris",
              "syncs": [
                {
                  "id": "orders",
                  "name": "Orders to CRM",
                  "partitioning": "daily",
                  "firstDay": "\(ordersDays.first)",
                  "source": { "type": "files", "format": "csv", "path": "data/acme/orders/{date}.csv" },
                  "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "orders", "writeMode": "append" },
                  "schema": [
                    { "name": "id", "type": "integer", "required": true },
                    { "name": "amount", "type": "decimal", "required": true },
                    { "name": "placed_at", "type": "timestamp", "required": true },
                    { "name": "status", "type": "string" }
                  ]
                },
                {
                  "id": "customers",
                  "name": "Customers",
                  "partitioning": "none",
                  "source": { "type": "files", "format": "jsonl", "path": "data/acme/customers.jsonl" },
                  "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "customers",
                                   "writeMode": "upsert", "key": ["id"] },
                  "schema": [
                    { "name": "id", "type": "integer", "required": true },
                    { "name": "name", "type": "string", "required": true },
                    { "name": "email", "type": "string" },
                    { "name": "vip", "type": "boolean" },
                    { "name": "created_on", "type": "date" }
                  ]
                },
                {
                  "id": "payments",
                  "name": "Payments (export program, key revoked)",
                  "partitioning": "daily",
                  "firstDay": "\(paymentsDays.first)",
                  "source": { "type": "command", "command": ["\(DemoPrograms.paymentsPath)", "--day", "{date}"],
                              "format": "jsonl", "timeoutSeconds": 60 },
                  "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "payments", "writeMode": "append" }
                }
              ]
            },
            {
              "id": "globex",
              "name": "Globex Logistics",
              "timeZone": "America/New_York",
              "syncs": [
                {
                  "id": "shipments",
                  "name": "Shipments",
                  "partitioning": "daily",
                  "firstDay": "\(shipmentsDays.first)",
                  "source": { "type": "files", "format": "csv", "path": "data/globex/shipments/{date}.csv" },
                  "destination": { "type": "sqlite", "path": "out/globex.sqlite", "table": "shipments", "writeMode": "append" },
                  "schema": [
                    { "name": "id", "type": "integer", "required": true },
                    { "name": "carrier", "type": "string", "required": true },
                    { "name": "weight_kg", "type": "decimal" },
                    { "name": "shipped_at", "type": "timestamp", "required": true },
                    { "name": "delivered", "type": "boolean" }
                  ]
                },
                {
                  "id": "returns",
                  "name": "Returns",
                  "partitioning": "daily",
                  "firstDay": "\(returnsDays.first)",
                  "source": { "type": "files", "format": "jsonl", "path": "data/globex/returns/{date}.jsonl" },
                  "destination": { "type": "sqlite", "path": "out/globex.sqlite", "table": "returns", "writeMode": "replace" },
                  "schema": [
                    { "name": "return_id", "type": "integer", "required": true },
                    { "name": "shipment_id", "type": "integer", "required": true },
                    { "name": "reason", "type": "string" },
                    { "name": "refund", "type": "decimal" },
                    { "name": "received_on", "type": "date" }
                  ]
                },
                {
                  "id": "invoices",
                  "name": "Invoices (export program)",
                  "partitioning": "daily",
                  "firstDay": "\(invoicesDays.first)",
                  "source": { "type": "command", "command": ["\(DemoPrograms.invoicesPath)", "--day", "{date}"],
                              "format": "jsonl", "timeoutSeconds": 60 },
                  "destination": { "type": "sqlite", "path": "out/globex.sqlite", "table": "invoices",
                                   "writeMode": "upsert", "key": ["invoice_id"] },
                  "schema": [
                    { "name": "invoice_id", "type": "integer", "required": true },
                    { "name": "customer_id", "type": "integer", "required": true },
                    { "name": "amount", "type": "decimal", "required": true },
                    { "name": "currency", "type": "string" },
                    { "name": "issued_on", "type": "date", "required": true }
                  ]
                }
              ]
            },
            {
              "id": "initech",
              "name": "Initech Analytics",
              "timeZone": "Asia/Tokyo",
              "syncs": [
                {
                  "id": "events",
                  "name": "Product events",
                  "partitioning": "daily",
                  "firstDay": "\(eventsDays.first)",
                  "source": { "type": "files", "format": "csv", "path": "data/initech/events/{date}.csv" },
                  "destination": { "type": "sqlite", "path": "out/initech.sqlite", "table": "events",
                                   "writeMode": "upsert", "key": ["event_id"] },
                  "schema": [
                    { "name": "event_id", "type": "integer", "required": true },
                    { "name": "user_id", "type": "integer" },
                    { "name": "kind", "type": "string" },
                    { "name": "occurred_at", "type": "timestamp", "required": true }
                  ]
                },
                {
                  "id": "sessions",
                  "name": "Sessions (contract ended)",
                  "partitioning": "daily",
                  "firstDay": "\(sessionsDays.first)",
                  "lastDay": "\(sessionsDays.last)",
                  "source": { "type": "files", "format": "jsonl", "path": "data/initech/sessions/{date}.jsonl" },
                  "destination": { "type": "sqlite", "path": "out/initech.sqlite", "table": "sessions", "writeMode": "append" },
                  "schema": [
                    { "name": "session_id", "type": "integer", "required": true },
                    { "name": "user_id", "type": "integer" },
                    { "name": "started_at", "type": "timestamp" },
                    { "name": "seconds", "type": "integer" }
                  ]
                }
              ]
            },
            {
              "id": "cafe",
              "name": "Café Société",
              "timeZone": "Europe/Paris",
              "syncs": [
                {
                  "id": "reservations",
                  "name": "Réservations",
                  "partitioning": "daily",
                  "firstDay": "\(reservationsDays.first)",
                  "source": { "type": "files", "format": "csv", "path": "data/cafe/reservations/{date}.csv" },
                  "destination": { "type": "sqlite", "path": "out/cafe.sqlite", "table": "reservations",
                                   "writeMode": "upsert", "key": ["id"] },
                  "schema": [
                    { "name": "id", "type": "integer", "required": true },
                    { "name": "guest", "type": "string", "required": true },
                    { "name": "party_size", "type": "integer" },
                    { "name": "reserved_for", "type": "timestamp", "required": true },
                    { "name": "confirmed", "type": "boolean" }
                  ]
                }
              ]
            }
          ]
        }

        """
    }
}
