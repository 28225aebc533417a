import Foundation

/// Finds a key written twice in one JSON object, which `JSONSerialization` accepts by
/// silently keeping the last value.
enum JSONDuplicateKeyScanner {
    struct Duplicate {
        /// The JSON path of the repeated key.
        let path: String
        let key: String
        /// The line of the second occurrence, as "line N".
        let location: String
    }

    private enum Frame {
        case object(path: JSONPath, keys: Set<String>, expectingKey: Bool, currentKey: String?)
        case array(path: JSONPath, index: Int)
    }

    /// Returns every repeated key of `data`, which must already have parsed as JSON.
    static func duplicates(in data: Data) -> [Duplicate] {
        let bytes = [UInt8](data)
        var frames: [Frame] = []
        var found: [Duplicate] = []
        var index = 0

        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                frames.append(.object(path: childPath(of: frames.last), keys: [], expectingKey: true, currentKey: nil))
            case UInt8(ascii: "["):
                frames.append(.array(path: childPath(of: frames.last), index: 0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = frames.popLast()
            case UInt8(ascii: ","):
                advance(&frames)
            case UInt8(ascii: "\""):
                let end = endOfString(bytes, openingQuote: index)
                if case .object(let path, var keys, true, _)? = frames.last {
                    let key = decodeString(bytes[index..<end])
                    if keys.contains(key) {
                        let line = bytes[..<index].filter { $0 == UInt8(ascii: "\n") }.count + 1
                        found.append(Duplicate(path: path.appending(key).description, key: key, location: "line \(line)"))
                    }
                    keys.insert(key)
                    frames[frames.count - 1] = .object(path: path, keys: keys, expectingKey: false, currentKey: key)
                }
                index = end
                continue
            default:
                break
            }
            index += 1
        }
        return found
    }

    private static func childPath(of frame: Frame?) -> JSONPath {
        switch frame {
        case .object(let path, _, _, let key?)?: return path.appending(key)
        case .array(let path, let index)?: return path.appending(index)
        default: return .root
        }
    }

    private static func advance(_ frames: inout [Frame]) {
        switch frames.last {
        case .object(let path, let keys, _, _)?:
            frames[frames.count - 1] = .object(path: path, keys: keys, expectingKey: true, currentKey: nil)
        case .array(let path, let index)?:
            frames[frames.count - 1] = .array(path: path, index: index + 1)
        case nil:
            break
        }
    }

    /// Returns the index just past the closing quote of the string that opens at `openingQuote`.
    private static func endOfString(_ bytes: [UInt8], openingQuote: Int) -> Int {
        var index = openingQuote + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return bytes.count
    }

    private static func decodeString(_ quoted: ArraySlice<UInt8>) -> String {
        guard quoted.contains(UInt8(ascii: "\\")) else {
            return String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self)
        }
        let value = try? JSONSerialization.jsonObject(with: Data(quoted), options: [.fragmentsAllowed])
        return value as? String ?? String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self)
    }
}
