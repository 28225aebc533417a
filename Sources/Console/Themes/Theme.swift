/// The look of the console: a style for every role.
///
/// Screens pick roles and the terminal asks the theme how to show them at its color depth, so a
/// theme file, the terminal's palette and `NO_COLOR` all apply the same way to every screen.
public struct Theme: Hashable, Sendable {
    /// The name the theme was loaded by, such as `default` or `light`.
    public let name: String
    private let styles: [Role: Style]

    /// Creates a theme from `styles`; roles it leaves out take the built-in default theme's style.
    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles.merging(Theme.builtInStyles) { own, _ in own }
    }

    /// The style the theme gives `role`, with every color it names.
    public func style(for role: Role) -> Style {
        styles[role] ?? Theme.builtInStyles[role] ?? .plain
    }

    /// The style of `role` as a terminal of `depth` shows it.
    public func style(for role: Role, depth: ColorDepth) -> Style {
        style(for: role).adapted(to: depth, role: role)
    }

    /// The default dark theme, built in so that the console works with no theme file at all.
    public static let builtInDefault = Theme(name: "default", styles: builtInStyles)
}
