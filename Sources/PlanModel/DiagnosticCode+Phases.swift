extension DiagnosticCode {
    /// Errors after which no schedule should be computed. None do today: the front end repairs
    /// what would make scheduling unsafe (it cuts dependency cycles, gives unestimated tasks a
    /// day), so planc can always show a best-effort schedule next to the errors.
    public var blocksScheduling: Bool { false }
}
