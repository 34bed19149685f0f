import Foundation

/// Where the repository and the built products are, found one way for every test target.
public enum Repository {
    /// The repository's root folder (this file is `Tests/PlanTestSupport/Repository.swift`).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A path inside the repository.
    public static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// `.build/<triple>/<config>`: the folder the test bundle was built into, next to `planc` and
    /// the other executables (`swift build --build-tests` and `swift test` build them all).
    public static let products: URL = {
        #if os(macOS)
        // On macOS the tests run inside `xctest`; the bundle is plancPackageTests.xctest.
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        #endif
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }()
}
