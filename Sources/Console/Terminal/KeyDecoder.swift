/// One result of `get_wch`: a character, or a special key that ncurses decoded.
public enum RawInput: Hashable, Sendable {
    /// A character code (`get_wch` returned `OK`).
    case character(UInt32)
    /// A key code such as `KEY_UP` (`get_wch` returned `KEY_CODE_YES`).
    case keyCode(Int32)
}

/// Turns what `get_wch` reads into keys, and drops escape sequences ncurses did not decode.
///
/// Terminals answer queries and report focus, mouse or paste with escape sequences. ncurses
/// decodes only the keys its terminal description lists and hands anything else over one
/// character at a time, so the decoder swallows whole control sequences (`ESC [ … final`,
/// `ESC O x`) and strings (`ESC ] … BEL`, `ESC P … ESC \`) instead of turning them into keys.
///
/// Feed every input of one read with `decode(_:)`, then call `finishBatch()`: an Esc that nothing
/// followed within the same read is the Esc key.
struct KeyDecoder {
    private enum State: Equatable {
        case ground
        /// After ESC, waiting to see whether a sequence follows.
        case escape
        /// Inside `ESC [` (CSI), counting its bytes.
        case controlSequence(length: Int)
        /// After `ESC O` (SS3), which one more character ends.
        case singleShift
        /// Inside `ESC ]`, `ESC P`, `ESC _`, `ESC ^` or `ESC X`, which BEL or `ESC \` ends.
        case string(length: Int)
        /// After ESC inside a string.
        case stringEscape
    }

    /// The maximum length of a sequence the decoder swallows. Past it, the decoder reads keys
    /// again, so that a lost terminator cannot eat the operator's typing.
    static let maximumSequenceLength = 256

    private var state = State.ground

    /// Returns the keys that `input` completes, which may be none while a sequence is open.
    mutating func decode(_ input: RawInput) -> [Key] {
        switch input {
        case .keyCode(let code):
            let pending = interruptSequence()
            return pending + (KeyDecoder.key(forKeyCode: code).map { [$0] } ?? [])
        case .character(let code):
            return decode(character: code)
        }
    }

    /// Ends one read: a pending Esc becomes the Esc key, an unfinished sequence is dropped.
    mutating func finishBatch() -> [Key] {
        interruptSequence()
    }

    private mutating func interruptSequence() -> [Key] {
        defer { state = .ground }
        return state == .escape ? [.escape] : []
    }

    private mutating func decode(character code: UInt32) -> [Key] {
        switch state {
        case .ground:
            return decodeInGround(code)
        case .escape:
            return decodeAfterEscape(code)
        case .controlSequence(let length):
            // Parameter and intermediate bytes continue the sequence, a final byte ends it, and
            // anything else means it was not one.
            if (0x20...0x3F).contains(code) {
                state = length < KeyDecoder.maximumSequenceLength ? .controlSequence(length: length + 1) : .ground
                return []
            }
            state = .ground
            return (0x40...0x7E).contains(code) ? [] : decodeInGround(code)
        case .singleShift:
            state = .ground
            return (0x20...0x7E).contains(code) ? [] : decodeInGround(code)
        case .string(let length):
            if code == 0x07 || code == 0x9C {
                state = .ground
            } else if code == 0x1B {
                state = .stringEscape
            } else {
                state = length < KeyDecoder.maximumSequenceLength ? .string(length: length + 1) : .ground
            }
            return []
        case .stringEscape:
            // `ESC \` ends the string; any other ESC starts whatever follows.
            state = .ground
            return code == 0x5C ? [] : decodeAfterEscape(code)
        }
    }

    private mutating func decodeInGround(_ code: UInt32) -> [Key] {
        switch code {
        case 0x1B:
            state = .escape
            return []
        case 0x9B:
            state = .controlSequence(length: 0)
            return []
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
            state = .string(length: 0)
            return []
        default:
            return KeyDecoder.key(forCharacter: code).map { [$0] } ?? []
        }
    }

    private mutating func decodeAfterEscape(_ code: UInt32) -> [Key] {
        state = .ground
        switch code {
        case 0x5B: // [
            state = .controlSequence(length: 0)
            return []
        case 0x4F: // O
            state = .singleShift
            return []
        case 0x5D, 0x50, 0x5F, 0x5E, 0x58: // ] P _ ^ X
            state = .string(length: 0)
            return []
        default:
            // Esc pressed just before another key: keep both rather than guess an Alt chord.
            return [.escape] + decodeInGround(code)
        }
    }

    /// Returns the key for a character code, or `nil` for a control character with no key.
    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A: return Unicode.Scalar(code + 0x60).map { .control(Character($0)) }
        case 0x00...0x1F, 0x80...0x9F: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// Returns the key for an ncurses key code, or `nil` for one the console does not use.
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KeyCode.up: return .up
        case KeyCode.down: return .down
        case KeyCode.left: return .left
        case KeyCode.right: return .right
        case KeyCode.pageUp: return .pageUp
        case KeyCode.pageDown: return .pageDown
        case KeyCode.home: return .home
        case KeyCode.end: return .end
        case KeyCode.enter: return .enter
        case KeyCode.backTab: return .backTab
        case KeyCode.backspace: return .backspace
        case KeyCode.delete: return .delete
        case KeyCode.function(1)...KeyCode.function(KeyCode.maximumFunctionKey):
            return .function(Int(code - KeyCode.function(0)))
        default: return nil
        }
    }
}
