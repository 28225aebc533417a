#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal column widths of graphemes, measured with `wcwidth` under a UTF-8 character type.
///
/// `wcwidth` depends on the thread's `LC_CTYPE`, which is plain `C` in tests and in processes
/// that never call `setlocale`, and `C` gives every non-ASCII character a width of -1. Each
/// measurement therefore switches the calling thread to `C.UTF-8` with `uselocale` and back, so
/// widths do not depend on the process locale.
public enum DisplayWidth {
    /// Returns the columns that `character` takes: 2 for wide CJK and emoji, 1 for most others,
    /// 0 for a grapheme made only of zero-width marks.
    ///
    /// A grapheme cluster keeps the width of its first scalar, so combining marks, zero-width
    /// joiners and skin-tone modifiers add nothing. An emoji presentation selector (U+FE0F) or a
    /// pair of regional indicators makes it 2. Control characters are never shown raw and count
    /// as 1 here; `TerminalText.escape` turns them into visible text first.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII {
            return 1
        }
        if scalars.contains(where: { $0.value == 0xFE0F }) || isRegionalIndicator(first) {
            return 2
        }
        guard let wcwidth = CFunctions.shared.wcwidth else { return 1 }
        let width = withUTF8CharacterType { wcwidth(Int32(bitPattern: first.value)) }
        if width < 0 {
            return 1
        }
        return Int(width)
    }

    /// Returns the columns that `text` takes, summed over its graphemes.
    public static func of<Text: StringProtocol>(_ text: Text) -> Int {
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private static func withUTF8CharacterType<Result>(_ body: () -> Result) -> Result {
        guard let locale = CFunctions.shared.utf8Locale else { return body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }
}

/// The C pieces that width measurement needs, looked up once per process.
///
/// Swift's Glibc module hides `wcwidth` (glibc declares it only for `_XOPEN_SOURCE`), so it is
/// found with `dlsym` instead. The locale is created once, never freed, and only read, which
/// makes sharing it between threads safe.
private final class CFunctions: @unchecked Sendable {
    typealias WidthFunction = @convention(c) (Int32) -> Int32

    static let shared = CFunctions()

    let wcwidth: WidthFunction?
    let utf8Locale: locale_t?

    private init() {
        let process = dlopen(nil, RTLD_NOW)
        wcwidth = dlsym(process, "wcwidth").map { unsafeBitCast($0, to: WidthFunction.self) }
        // glibc spells the mask LC_CTYPE_MASK, a macro Swift does not import; it is 1 << LC_CTYPE.
        let mask = Int32(1) << LC_CTYPE
        utf8Locale = newlocale(mask, "C.UTF-8", nil) ?? newlocale(mask, "en_US.UTF-8", nil)
    }
}
