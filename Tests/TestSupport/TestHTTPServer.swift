import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 that sends scripted responses, for tests of
/// HTTP sources.
///
/// It listens on a port the system chooses, serves each connection on a thread of its own
/// and closes it after one response. It stops when `stop()` is called or when the value is
/// released, so a test that keeps it in a local constant never leaves it running.
public final class TestHTTPServer: @unchecked Sendable {
    /// A request as the server received it.
    public struct Request: Sendable {
        public var method: String
        /// The path with its query, such as `/orders?day=2026-01-05`.
        public var target: String
        /// Header values by lowercased name.
        public var headers: [String: String]
    }

    /// The response the server sends.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: String
        /// How long the server waits before it responds.
        public var delay: TimeInterval

        public init(status: Int = 200, headers: [(String, String)] = [("Content-Type", "application/json")],
                    body: String = "", delay: TimeInterval = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        public static func json(_ body: String, status: Int = 200) -> Response {
            Response(status: status, body: body)
        }
    }

    public let port: UInt16
    private let state: ServerState

    /// Starts a server that responds to every request with `handler`'s response.
    public init(handler: @escaping @Sendable (Request) -> Response) throws {
        let listener = try TestHTTPServer.listen()
        port = listener.port
        state = ServerState(descriptor: listener.descriptor, handler: handler)
        let state = self.state
        let thread = Thread { state.acceptLoop() }
        thread.name = "test HTTP server"
        thread.start()
    }

    /// Starts a server that gives `responses` in order, one per request, then HTTP 404.
    public convenience init(responses: [Response]) throws {
        let script = ResponseScript(responses)
        try self.init { _ in script.next() }
    }

    deinit {
        stop()
    }

    /// The address of `path` on this server, such as `http://127.0.0.1:PORT/orders`.
    public func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Every request received so far, in order.
    public var requests: [Request] {
        state.receivedRequests
    }

    /// Stops listening and ends the waits of delayed responses.
    public func stop() {
        state.stop()
    }

    /// Returns a loopback port on which nothing listens: bound by the system, then released.
    public static func unusedPort() throws -> UInt16 {
        let listener = try listen()
        _ = close(listener.descriptor)
        return listener.port
    }

    private static func listen() throws -> (descriptor: Int32, port: UInt16) {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw ServerError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, Foundation.listen(descriptor, 16) == 0 else {
            let message = String(cString: strerror(errno))
            _ = close(descriptor)
            throw ServerError("bind or listen on 127.0.0.1: \(message)")
        }
        var actual = sockaddr_in()
        var actualLength = length
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &actualLength) }
        }
        return (descriptor, UInt16(bigEndian: actual.sin_port))
    }
}

/// A failure to start the test server.
public struct ServerError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Responses given in order, then 404 for every further request.
private final class ResponseScript: @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [TestHTTPServer.Response]

    init(_ responses: [TestHTTPServer.Response]) {
        self.responses = responses
    }

    func next() -> TestHTTPServer.Response {
        lock.lock()
        defer { lock.unlock() }
        guard !responses.isEmpty else {
            return TestHTTPServer.Response(status: 404, body: "{\"error\": \"no more scripted responses\"}")
        }
        return responses.removeFirst()
    }
}

/// The part of the server its threads share; it outlives the `TestHTTPServer` value only
/// until the threads see the stop.
private final class ServerState: @unchecked Sendable {
    private let condition = NSCondition()
    private var descriptor: Int32
    private var stopped = false
    private var requests: [TestHTTPServer.Request] = []
    private let handler: @Sendable (TestHTTPServer.Request) -> TestHTTPServer.Response

    init(descriptor: Int32, handler: @escaping @Sendable (TestHTTPServer.Request) -> TestHTTPServer.Response) {
        self.descriptor = descriptor
        self.handler = handler
    }

    var receivedRequests: [TestHTTPServer.Request] {
        condition.lock()
        defer { condition.unlock() }
        return requests
    }

    private var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func acceptLoop() {
        defer { _ = close(descriptor) }
        while !isStopped {
            var listener = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&listener, 1, 50) > 0 else { continue }
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else { continue }
            let thread = Thread { [self] in self.serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { _ = close(connection) }
        guard let request = readRequest(connection) else { return }
        condition.lock()
        requests.append(request)
        condition.unlock()

        let response = handler(request)
        if response.delay > 0, !waitOrStop(response.delay) {
            return
        }
        write(response, to: connection)
    }

    /// Waits `seconds`; returns `false` when the server stopped meanwhile.
    private func waitOrStop(_ seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            if !condition.wait(until: deadline) { return true }
        }
        return false
    }

    private func readRequest(_ connection: Int32) -> TestHTTPServer.Request? {
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while data.count < 1 << 20 {
            let count = chunk.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
            guard count > 0 else { return nil }
            data.append(contentsOf: chunk[0..<count])
            if let range = data.firstRange(of: end) {
                let head = String(decoding: data[..<range.lowerBound], as: UTF8.self)
                return parse(head)
            }
        }
        return nil
    }

    private func parse(_ head: String) -> TestHTTPServer.Request? {
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return TestHTTPServer.Request(method: String(parts[0]), target: String(parts[1]), headers: headers)
    }

    private func write(_ response: TestHTTPServer.Response, to connection: Int32) {
        let body = Array(response.body.utf8)
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    private func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 302: return "Found"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
