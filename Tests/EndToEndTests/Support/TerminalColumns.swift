import Foundation

/// Column widths as a terminal counts them: each Unicode scalar measured with the C library's
/// `wcwidth` under a UTF-8 locale, so combining marks take no column and CJK and emoji take two.
///
/// It is independent of the console's own width code on purpose: the end-to-end tests check that
/// what the console drew lines up on a real terminal.
enum TerminalColumns {
    private typealias WidthFunction = @convention(c) (Int32) -> Int32

    /// Returns the columns `text` takes on the terminal.
    static func width(of text: String) -> Int {
        let locale = newlocale(Int32(1) << LC_CTYPE, "C.UTF-8", nil)
        let previous = locale.map { uselocale($0) }
        defer {
            if let previous { uselocale(previous) }
            if let locale { freelocale(locale) }
        }
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return text.unicodeScalars.count }
        let wcwidth = unsafeBitCast(symbol, to: WidthFunction.self)
        return text.unicodeScalars.reduce(0) { total, scalar in
            total + max(0, Int(wcwidth(Int32(bitPattern: scalar.value))))
        }
    }
}
