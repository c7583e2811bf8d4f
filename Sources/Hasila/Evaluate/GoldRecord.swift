import Foundation

/// One line of a gold file (../shared/gold-format.md): a figure or a date mention.
public struct GoldFigure: Sendable, Equatable {
    public let doc: String
    public let offset: Int
    public let surface: String
    public let value: Int
    public let qualifier: String
    public let category: String?
    public let parent: Int?
    public let period: GoldPeriod?
    /// The actor keys in order; nil when the gold does not say (an older gold file), so they are not scored.
    public var actors: [String]? = nil
    /// The place key: nil when the gold does not say, `.some(nil)` when it says null. So are country and source.
    public var place: String?? = nil
    public var country: String?? = nil
    public var source: String?? = nil
    public var range: Range<Int> { offset..<(offset + surface.unicodeScalars.count) }
}

public struct GoldPeriod: Sendable, Equatable {
    public let start: String?
    public let end: String?
}

public struct GoldDate: Sendable, Equatable {
    public let doc: String
    public let offset: Int
    public let surface: String
    public let value: String?
    public let relative: Bool
    public var range: Range<Int> { offset..<(offset + surface.unicodeScalars.count) }
}

/// Reads gold annotations: every `figures*.jsonl` and `dates*.jsonl` in a folder.
public enum GoldReader {
    public static func read(directory: String) throws -> (figures: [GoldFigure], dates: [GoldDate]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw HasilaError.missingPath(path: directory)
        }
        var figures: [GoldFigure] = []
        var dates: [GoldDate] = []
        for name in names.sorted() where name.hasSuffix(".jsonl") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw HasilaError.unreadableFile(path: path, reason: "cannot read as UTF-8")
            }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let doc = object["doc"] as? String, let offset = object["offset"] as? Int,
                      let surface = object["surface"] as? String else {
                    throw HasilaError.badGold(path: path, line: index + 1, reason: "expected an object with doc, offset and surface")
                }
                if name.hasPrefix("figures") {
                    guard let value = object["value"] as? Int, let qualifier = object["qualifier"] as? String else {
                        throw HasilaError.badGold(path: path, line: index + 1, reason: "a figure needs an integer value and a qualifier")
                    }
                    var period: GoldPeriod?
                    if let p = object["period"] as? [String: Any] {
                        period = GoldPeriod(start: p["start"] as? String, end: p["end"] as? String)
                    }
                    var figure = GoldFigure(doc: doc, offset: offset, surface: surface, value: value, qualifier: qualifier,
                                            category: object["category"] as? String, parent: object["parent"] as? Int, period: period)
                    if let actors = object["actors"] {
                        guard let keys = actors as? [String] else {
                            throw HasilaError.badGold(path: path, line: index + 1, reason: "actors must be a list of keys (strings), [] for none")
                        }
                        figure.actors = keys
                    }
                    for (field, target) in [("place", \GoldFigure.place), ("country", \.country), ("source", \.source)] {
                        guard let given = object[field] else { continue }
                        guard given is NSNull || given is String else {
                            throw HasilaError.badGold(path: path, line: index + 1, reason: "\(field) must be a key (a string) or null")
                        }
                        figure[keyPath: target] = .some(given as? String)
                    }
                    figures.append(figure)
                } else if name.hasPrefix("dates") {
                    dates.append(GoldDate(doc: doc, offset: offset, surface: surface, value: object["value"] as? String,
                                          relative: object["relative"] as? Bool ?? false))
                }
            }
        }
        return (figures, dates)
    }
}
