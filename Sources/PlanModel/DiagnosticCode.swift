/// Every diagnostic planc can report. Codes are stable: once published, a code keeps its meaning,
/// so people can look it up (`planc explain P201`) and tools can filter on it.
///
/// Ranges: P0xx loading files, P1xx syntax and values, P2xx ids and references,
/// P3xx task consistency, P4xx resources and money, P5xx risks and control, P6xx schedule.
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable {
    // Loading
    case unreadableFile = "P001"
    case invalidUTF8 = "P002"
    case noPlanFiles = "P003"
    case fileTooLarge = "P004"
    case skippedPath = "P005"
    case binaryFile = "P006"
    case misspelledKind = "P007"
    case pathologicalMarkdown = "P008"

    // Syntax and values
    case unknownKey = "P101"
    case unknownAttribute = "P102"
    case attributeInTitle = "P103"
    case malformedDate = "P104"
    case impossibleDate = "P105"
    case malformedQuantity = "P106"
    case malformedNumber = "P107"
    case unknownValue = "P108"
    case repeatedAttribute = "P109"
    case unknownSection = "P110"
    case emptyTitle = "P111"
    case nestingTooDeep = "P112"
    case missingValue = "P113"
    case strayContent = "P114"
    case valueOutOfRange = "P115"
    case malformedHeading = "P116"
    case malformedPersonChange = "P117"
    case decimalSeparator = "P118"

    // Ids and references
    case duplicateID = "P201"
    case unknownTask = "P202"
    case unknownResource = "P203"
    case unknownReference = "P204"
    case dependencyCycle = "P205"
    case unknownProject = "P206"
    case selfDependency = "P207"

    // Task consistency
    case datesContradictEffort = "P301"
    case finishBeforeStart = "P302"
    case milestoneWithWork = "P303"
    case progressOutOfRange = "P304"
    case progressContradictsState = "P305"
    case missingActualFinish = "P306"
    case actualInFuture = "P307"
    case deadlineBeforeStart = "P308"
    case missingEstimate = "P309"
    case summaryWithWork = "P310"
    case pinBeforeProjectStart = "P311"

    // Resources and money
    case overAssigned = "P401"
    case mixedCurrency = "P402"
    case poolTooSmall = "P403"
    case noWorkingDays = "P404"
    case duplicatePersonChange = "P405"
    case pinnedOverAllocation = "P406"
    case noWorkingTimeInReach = "P407"

    // Risks and control
    case riskWithoutOwner = "P501"
    case riskWithoutMitigation = "P502"
    case reviewOverdue = "P503"

    // Schedule
    case deadlineMissed = "P601"
    case milestoneMissed = "P602"
    case fixedDateConflict = "P603"
    case unschedulable = "P604"
    case projectLate = "P605"
    case overdueStart = "P606"
    case beyondPlanningWindow = "P607"

    public var defaultSeverity: Severity {
        switch self {
        // Forecast findings describe the project's status, not a mistake in the plan file, so
        // they never fail `planc check --strict`; `planc status` turns them into health.
        case .deadlineMissed, .milestoneMissed, .projectLate, .overdueStart:
            return .note
        case .skippedPath, .misspelledKind, .unknownKey, .unknownAttribute, .attributeInTitle,
             .repeatedAttribute, .unknownSection, .strayContent, .datesContradictEffort,
             .progressContradictsState, .missingActualFinish, .actualInFuture, .missingEstimate,
             .summaryWithWork, .overAssigned, .riskWithoutOwner, .riskWithoutMitigation,
             .reviewOverdue, .pinBeforeProjectStart, .pinnedOverAllocation:
            return .warning
        default:
            return .error
        }
    }
}

extension DiagnosticCode {
    /// A code as people type it: `P205`, `p205` or just `205`.
    public init?(written text: String) {
        let trimmed = text.trimmingCharacters(in: " \t")
        let digits = trimmed.first.map { $0 == "P" || $0 == "p" } == true ? String(trimmed.dropFirst()) : trimmed
        guard digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.init(rawValue: "P" + digits)
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
