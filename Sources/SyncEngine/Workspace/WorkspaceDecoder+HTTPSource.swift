import Foundation
import SyncModel

extension WorkspaceDecoder {
    static let httpSourceKeys = ["type", "url", "headers", "recordsPath", "nextPagePath", "timeoutSeconds"]
    /// The longest `timeoutSeconds` of an HTTP source: one request, not the whole import.
    static let httpTimeoutRange: ClosedRange<Double> = 0...3600

    func decodeHTTPSource(_ source: JSONObject, kind: PartitioningKind?) -> SourceConfig? {
        let url = decodeHTTPAddress(in: source)
        let headers = decodeHeaders(in: source)
        let recordsPath = memberPath("recordsPath", in: source)
        let nextPagePath = memberPath("nextPagePath", in: source)
        let timeout = seconds("timeoutSeconds", in: source, range: WorkspaceDecoder.httpTimeoutRange)
            .or(HTTPSourceSettings.defaultTimeoutSeconds)

        guard let url, let headers, let recordsPath = recordsPath.or([]), let timeout else {
            return nil
        }
        if case .invalid = nextPagePath {
            return nil
        }
        guard checkDayPlacement(url: url, headers: headers, source: source, kind: kind) else { return nil }
        let next: [String]? = if case .valid(let names) = nextPagePath { names } else { nil }
        return .http(HTTPSourceSettings(url: url, headers: headers, recordsPath: recordsPath,
                                        nextPagePath: next, timeoutSeconds: timeout))
    }

    // MARK: - Settings

    private func decodeHTTPAddress(in source: JSONObject) -> String? {
        let example = "\"https://api.example.com/v1/orders?day={date}\""
        guard let url = string("url", in: source, example: example) else { return nil }
        let path = source.path.appending("url")
        guard checkTemplate(url, at: path) else { return nil }

        // The address is checked with sample values, since variables are only read when it runs.
        let sample = sampleExpansion(of: url)
        guard let parsed = URL(string: sample), let scheme = parsed.scheme?.lowercased(),
              ["http", "https"].contains(scheme), let host = parsed.host, !host.isEmpty else {
            report(path, "\(JSONText.quoted(url)) is not an http or https address",
                   fix: "write a full address, for example \(example)")
            return nil
        }
        return url
    }

    private func decodeHeaders(in source: JSONObject) -> [HTTPHeader]? {
        let example = "{\"Authorization\": \"Bearer ${ACME_TOKEN}\"}"
        guard let value = source.fields["headers"] else { return [] }
        let path = source.path.appending("headers")
        guard let fields = value as? [String: Any] else {
            reportWrongType(value, at: path, expected: .object, example: example)
            return nil
        }

        var headers: [HTTPHeader] = []
        var isValid = true
        for name in fields.keys.sorted() {
            let headerPath = path.appending(name)
            guard WorkspaceDecoder.isHeaderName(name) else {
                report(headerPath, "\(JSONText.quoted(name)) is not a valid header name",
                       fix: "use letters, digits and - only, for example \"Authorization\"")
                isValid = false
                continue
            }
            guard let text = string(name, in: JSONObject(path: path, fields: fields), example: "\"Bearer ${ACME_TOKEN}\""),
                  checkTemplate(text, at: headerPath) else {
                isValid = false
                continue
            }
            if text.contains(where: { $0 == "\n" || $0 == "\r" }) {
                report(headerPath, "the value of header \(JSONText.quoted(name)) has a line break",
                       fix: "write the value on one line")
                isValid = false
                continue
            }
            headers.append(HTTPHeader(name: name, value: text))
        }
        return isValid ? headers : nil
    }

    /// Reads a path of member names written with dots, such as `"data.items"`.
    private func memberPath(_ key: String, in source: JSONObject) -> Setting<[String]> {
        guard source.has(key) else { return .absent }
        guard let text = string(key, in: source, example: "\"data.items\"") else { return .invalid }
        let names = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard names.allSatisfy({ !$0.isEmpty }) else {
            report(source.path.appending(key), "\(JSONText.quoted(text)) has an empty member name",
                   fix: "write member names separated by single dots, for example \"data.items\"")
            return .invalid
        }
        return .valid(names)
    }

    // MARK: - Templates

    /// Reports a `${` that is not a valid variable and a `{…}` other than `{date}`.
    private func checkTemplate(_ text: String, at path: JSONPath) -> Bool {
        do {
            _ = try EnvironmentTemplate(text)
        } catch let problem as TemplateProblem {
            report(path, "\(JSONText.quoted(text)): \(problem.reason)",
                   fix: "write an environment variable as ${NAME}, with letters, digits and _")
            return false
        } catch {
            return false
        }
        return checkOnlyDatePlaceholder(in: text, at: path, allowingVariables: true)
    }

    /// Checks that a daily source names its day with `{date}` in the url or a header, and that
    /// a snapshot source does not.
    private func checkDayPlacement(url: String, headers: [HTTPHeader], source: JSONObject, kind: PartitioningKind?) -> Bool {
        let hasDate = ([url] + headers.map(\.value)).contains { $0.contains(WorkspaceDecoder.datePlaceholder) }
        switch kind {
        case .daily where !hasDate:
            report(source.path.appending("url"), "the url of a daily sync has no {date}: \(JSONText.quoted(url))",
                   fix: "put {date} where the API takes the day, for example \"https://api.example.com/v1/orders?day={date}\"")
            return false
        case .snapshot where hasDate:
            report(source.path.appending("url"), "a snapshot sync's source uses {date}",
                   fix: "remove {date} from the url and headers, or set \"partitioning\": \"daily\" with a firstDay")
            return false
        default:
            return true
        }
    }

    private func sampleExpansion(of text: String) -> String {
        guard let template = try? EnvironmentTemplate(text) else { return text }
        return template.parts.map { part -> String in
            switch part {
            case .literal(let literal): return literal.replacingOccurrences(of: WorkspaceDecoder.datePlaceholder, with: "2026-01-01")
            case .variable: return "value"
            }
        }.joined()
    }

    /// Whether `name` is an HTTP header name (a token of RFC 9110).
    static func isHeaderName(_ name: String) -> Bool {
        let symbols = Set("!#$%&'*+-.^_`|~".unicodeScalars)
        return !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || symbols.contains(scalar))
        }
    }
}
