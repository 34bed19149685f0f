import Foundation

/// Small, standard-conforming readers the export tests parse planc's output back with. They are
/// written from the RFCs, independently of the writers, and reject what the RFCs reject.
enum RFC4180 {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Records of fields. Every record must end in CRLF; a quote inside a quoted field must be doubled.
    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if inQuotes {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.unicodeScalars.append("\""); index += 2; continue
                    }
                    inQuotes = false
                } else {
                    field.unicodeScalars.append(scalar)
                }
                index += 1
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else { throw Failure(description: "quote inside an unquoted field at \(index)") }
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                record.append(field); field = ""; fieldWasQuoted = false
            case "\r":
                guard index + 1 < scalars.count, scalars[index + 1] == "\n" else { throw Failure(description: "bare CR at \(index)") }
                record.append(field); field = ""; fieldWasQuoted = false
                records.append(record); record = []
                index += 1
            case "\n":
                throw Failure(description: "bare LF at \(index): records end in CRLF")
            default:
                guard !fieldWasQuoted else { throw Failure(description: "text after a closing quote at \(index)") }
                field.unicodeScalars.append(scalar)
            }
            index += 1
        }
        guard !inQuotes else { throw Failure(description: "unterminated quoted field") }
        guard field.isEmpty, record.isEmpty else { throw Failure(description: "last record does not end in CRLF") }
        return records
    }
}

enum RFC5545 {
    struct Failure: Error, CustomStringConvertible { var description: String }

    struct ContentLine {
        var name: String
        var parameters: [String: String]
        var value: String
    }

    struct Component {
        var name: String
        var properties: [ContentLine] = []
        var components: [Component] = []
        func first(_ name: String) -> ContentLine? { properties.first { $0.name == name } }
    }

    /// Checks the physical format (CRLF, at most 75 octets a line), unfolds, and builds the
    /// component tree, requiring BEGIN and END to nest.
    static func parse(_ text: String) throws -> Component {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.suffix(2) == [13, 10] else { throw Failure(description: "does not end in CRLF") }
        var physical: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 10 {
                guard index > 0, bytes[index - 1] == 13 else { throw Failure(description: "bare LF") }
                let line = Array(bytes[start..<(index - 1)])
                guard line.count <= 75 else { throw Failure(description: "line longer than 75 octets: \(line.count)") }
                guard let decoded = String(validating: line, as: UTF8.self) else { throw Failure(description: "fold split a UTF-8 sequence") }
                physical.append(decoded)
                start = index + 1
            }
            index += 1
        }
        var logical: [String] = []
        for line in physical {
            if let first = line.first, first == " " || first == "\t" {
                guard !logical.isEmpty else { throw Failure(description: "continuation before any line") }
                logical[logical.count - 1] += String(line.dropFirst())
            } else {
                logical.append(line)
            }
        }
        var stack: [Component] = [Component(name: "")]
        for line in logical {
            let content = try parseContentLine(line)
            if content.name == "BEGIN" {
                stack.append(Component(name: content.value))
            } else if content.name == "END" {
                guard stack.count > 1, let top = stack.popLast(), top.name == content.value else {
                    throw Failure(description: "END:\(content.value) does not close the open component")
                }
                stack[stack.count - 1].components.append(top)
            } else {
                guard stack.count > 1 else { throw Failure(description: "property outside a component") }
                stack[stack.count - 1].properties.append(content)
            }
        }
        guard stack.count == 1, let calendar = stack[0].components.first, stack[0].components.count == 1 else {
            throw Failure(description: "expected exactly one top-level component")
        }
        return calendar
    }

    static func parseContentLine(_ line: String) throws -> ContentLine {
        // name *(";" param) ":" value; parameter values may be quoted and then contain ':' or ';'.
        var nameAndParameters = ""
        var value = ""
        var inQuotes = false
        var seenColon = false
        for character in line {
            if seenColon { value.append(character); continue }
            if character == "\"" { inQuotes.toggle() }
            if character == ":" && !inQuotes { seenColon = true; continue }
            nameAndParameters.append(character)
        }
        guard seenColon else { throw Failure(description: "no ':' in \(line)") }
        let parts = nameAndParameters.split(separator: ";").map(String.init)
        guard let name = parts.first, !name.isEmpty,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw Failure(description: "bad property name in \(line)")
        }
        var parameters: [String: String] = [:]
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw Failure(description: "bad parameter \(parameter)") }
            parameters[pair[0]] = pair[1]
        }
        return ContentLine(name: name.uppercased(), parameters: parameters, value: value)
    }

    /// TEXT value unescaping (3.3.11); a lone backslash before anything else is an error.
    static func unescapeText(_ text: String) throws -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "\\", ";", ",": out.append(character)
                case "n", "N": out.append("\n")
                default: throw Failure(description: "bad escape \\\(character)")
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                guard character != ";" && character != "," else { throw Failure(description: "unescaped \(character) in TEXT") }
                out.append(character)
            }
        }
        guard !escaping else { throw Failure(description: "trailing backslash") }
        return out
    }
}

/// The part of JSON Schema 2020-12 that docs/plan.schema.json uses: type (with null), required,
/// properties, items, prefixItems, enum, const, pattern, anyOf and local $ref. It also reports keys
/// the document has but the schema does not describe, so the schema cannot fall behind the export.
struct MiniJSONSchema {
    let root: [String: Any]
    var errors: [String] = []

    init(_ root: [String: Any]) { self.root = root }

    mutating func validate(_ value: Any, _ schema: [String: Any], path: String = "$") {
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard let definitions = root["$defs"] as? [String: Any], let target = definitions[name] as? [String: Any] else {
                errors.append("\(path): unresolved \(reference)"); return
            }
            validate(value, target, path: path)
            return
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            let matches = options.contains { option in
                var probe = MiniJSONSchema(root)
                probe.validate(value, option, path: path)
                return probe.errors.isEmpty
            }
            if !matches { errors.append("\(path): matches none of anyOf") }
            return
        }
        if let constant = schema["const"] {
            if !equal(value, constant) { errors.append("\(path): expected \(constant)") }
        }
        if let choices = schema["enum"] as? [Any] {
            if !choices.contains(where: { equal(value, $0) }) { errors.append("\(path): \(value) not in enum") }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            if !types.contains(where: { matchesType(value, $0) }) { errors.append("\(path): expected \(types), got \(value)"); return }
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String {
            if text.range(of: pattern, options: .regularExpression) == nil { errors.append("\(path): '\(text)' does not match \(pattern)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): missing required key '\(key)'")
            }
            for (key, member) in object {
                guard let memberSchema = properties[key] as? [String: Any] else {
                    if schema["properties"] != nil { errors.append("\(path): key '\(key)' is not in the schema") }
                    continue
                }
                validate(member, memberSchema, path: "\(path).\(key)")
            }
        }
        if let array = value as? [Any] {
            if let prefix = schema["prefixItems"] as? [[String: Any]] {
                for (offset, item) in array.enumerated() where offset < prefix.count {
                    validate(item, prefix[offset], path: "\(path)[\(offset)]")
                }
            }
            if let items = schema["items"] as? [String: Any] {
                for (offset, item) in array.enumerated() { validate(item, items, path: "\(path)[\(offset)]") }
            }
            if let minimum = schema["minItems"] as? Int, array.count < minimum { errors.append("\(path): fewer than \(minimum) items") }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum { errors.append("\(path): more than \(maximum) items") }
        }
    }

    private func matchesType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBool(value)
        case "integer": if let number = value as? NSNumber, !isBool(value) { return number.doubleValue.rounded() == number.doubleValue } else { return false }
        case "number": return value is NSNumber && !isBool(value)
        default: return false
        }
    }

    private func isBool(_ value: Any) -> Bool {
        // Foundation boxes JSON booleans in its own Boolean class; plain numbers also cast to Bool.
        value is NSNumber && String(describing: type(of: value)).contains("Boolean")
    }

    private func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull && b is NSNull { return true }
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? NSNumber, let y = b as? NSNumber { return x == y }
        return false
    }
}
