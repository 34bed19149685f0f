extension DiagnosticCode {
    /// Errors after which no schedule should be computed. Only work that cannot fit in the
    /// planning window: scheduling it would walk millions of days for nothing. The front end
    /// repairs everything else that would make scheduling unsafe (it cuts dependency cycles, gives
    /// unestimated tasks a day), so planc can show a best-effort schedule next to other errors.
    public var blocksScheduling: Bool { self == .beyondPlanningWindow }
}
