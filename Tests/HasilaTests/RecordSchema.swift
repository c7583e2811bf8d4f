import Foundation

/// Checks records against Schemas/record.schema.json: the keywords the schema uses (oneOf,
/// type, const, enum, required, properties, items, minimum, minLength, pattern, local $ref), enough to hold the output to
/// its contract without a JSON Schema package.
struct RecordSchema {
    let schema: [String: Any]

    init() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: SharedMaterial.repository + "/Schemas/record.schema.json"))
        schema = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// The problems of one record (empty when it is valid).
    func problems(_ record: Any) -> [String] {
        validate(record, against: schema, path: "$")
    }

    private func validate(_ value: Any, against schema: [String: Any], path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            // Only local references into $defs: "#/$defs/NAME".
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = (self.schema["$defs"] as? [String: Any])?[name] as? [String: Any] else { return ["\(path): unknown $ref \(reference)"] }
            return validate(value, against: target, path: path)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let results = options.map { validate(value, against: $0, path: path) }
            let passing = results.filter(\.isEmpty).count
            return passing == 1 ? [] : ["\(path): matches \(passing) of the oneOf schemas (\(results.flatMap { $0 }.prefix(3).joined(separator: "; ")))"]
        }
        var problems: [String] = []
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as! String]
            if !types.contains(where: { matches(value, type: $0) }) { problems.append("\(path): not \(types.joined(separator: "|"))") }
        }
        if let constant = schema["const"] as? String, value as? String != constant { problems.append("\(path): not \(constant)") }
        if let options = schema["enum"] as? [String], !(value is String && options.contains(value as! String)) {
            problems.append("\(path): not one of \(options)")
        }
        if let minimum = schema["minimum"] as? Int, let number = value as? Int, number < minimum { problems.append("\(path): below \(minimum)") }
        if let minLength = schema["minLength"] as? Int, let text = value as? String, text.count < minLength { problems.append("\(path): too short") }
        if let pattern = schema["pattern"] as? String, let text = value as? String, text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): does not match \(pattern)")
        }
        if let items = schema["items"] as? [String: Any], let array = value as? [Any] {
            for (index, item) in array.enumerated() { problems += validate(item, against: items, path: "\(path)[\(index)]") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path).\(key): missing") }
            for (key, sub) in schema["properties"] as? [String: [String: Any]] ?? [:] {
                if let item = object[key] { problems += validate(item, against: sub, path: "\(path).\(key)") }
            }
        }
        return problems
    }

    /// JSONSerialization gives booleans as Bool (or an NSNumber of kind 'c'); numbers otherwise.
    private func isBoolean(_ value: Any) -> Bool {
        if value is Bool && !(value is Int) { return true }
        if let number = value as? NSNumber { return String(cString: number.objCType) == "c" || "\(type(of: value))".contains("Bool") }
        return false
    }

    private func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "integer":
            guard !isBoolean(value), let number = value as? NSNumber else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        default: return false
        }
    }
}
