import Foundation
import Mustache

/// The templates and stylesheet the pages are made from: the built-in theme (compiled into the
/// binary), with any file a repository's theme folder provides taking its place.
public struct Theme: Sendable {
    /// Template sources by name (file name without `.mustache`).
    public private(set) var templates: [String: String]
    public private(set) var stylesheet: String

    public static let templateNames = ["layout", "portfolio", "project", "tasks", "diagnostics", "not-found"]

    public enum LoadError: Error, CustomStringConvertible {
        case missingBuiltIn(String)
        case unreadable(path: String, reason: String)
        case invalidTemplate(name: String, reason: String)
        case notAFolder(String)

        public var description: String {
            switch self {
            case .missingBuiltIn(let name): return "the built-in template '\(name)' is missing from this planc build"
            case .unreadable(let path, let reason): return "cannot read theme file \(path): \(reason)"
            case .invalidTemplate(let name, let reason): return "template '\(name)' does not parse: \(reason)"
            case .notAFolder(let path): return "the theme folder \(path) does not exist or is not a folder"
            }
        }
    }

    public init(templates: [String: String], stylesheet: String) {
        self.templates = templates; self.stylesheet = stylesheet
    }

    /// The theme compiled into planc (`Templates+Embedded.swift`, made from `Templates/`): the
    /// binary is the whole tool, with no resource bundle to install beside it.
    public static func builtIn() throws -> Theme {
        var templates: [String: String] = [:]
        for name in templateNames {
            guard let text = embeddedFiles[name + ".mustache"] else { throw LoadError.missingBuiltIn(name) }
            templates[name] = text
        }
        guard let css = embeddedFiles["style.css"] else { throw LoadError.missingBuiltIn("style.css") }
        return Theme(templates: templates, stylesheet: css)
    }

    /// This theme with every `NAME.mustache` and `style.css` found in `folder` put in place of the
    /// built-in one. Extra templates become partials (`{{> NAME}}`). Other files are ignored.
    public func overridden(by folder: String) throws -> Theme {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.notAFolder(folder)
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted() } catch {
            throw LoadError.unreadable(path: folder, reason: "\(error.localizedDescription)")
        }
        var result = self
        for name in names where name.hasSuffix(".mustache") || name == "style.css" {
            let path = (folder as NSString).appendingPathComponent(name)
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw LoadError.unreadable(path: path, reason: "not UTF-8 text or not readable")
            }
            if name == "style.css" {
                result.stylesheet = text
            } else {
                result.templates[String(name.dropLast(".mustache".count))] = text
            }
        }
        return result
    }

    /// The parsed templates, ready to render.
    func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in templates.keys.sorted() {
            do { try library.register(templates[name]!, named: name) } catch {
                throw LoadError.invalidTemplate(name: name, reason: "\(error)")
            }
        }
        return library
    }
}
